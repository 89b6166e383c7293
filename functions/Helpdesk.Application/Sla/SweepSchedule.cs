using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Sla;

/// <summary>When the deadline sweep must next look at a ticket (kept by the store beside the ticket, indexed).</summary>
/// <param name="WarnAt">The next warning: the at-risk point while not alerted, then (level 2) the deadline for the
/// supervisor's warning; null when nothing more is to be said about this deadline.</param>
/// <param name="EscalateAt">Level 1 only: the deadline, compared with the sweep's escalation horizon.</param>
public sealed record SweepTimes(DateTimeOffset? WarnAt, DateTimeOffset? EscalateAt)
{
    public static SweepTimes None { get; } = new(null, null);
}

/// <summary>
/// The deadline sweep's rules, pure: what to do with one ticket at an instant, and when to look at it again. Each
/// alert is recorded on the ticket (<see cref="Ticket.AlertDeadline"/>) in the same write as its notification, and
/// <see cref="Next"/> only counts alerts not yet recorded, so that a second sweep finds nothing to do.
/// </summary>
public static class SweepSchedule
{
    public static SweepTimes Next(Ticket ticket, TicketDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(deadline);
        if (!ticket.IsActive || deadline.DueAt is not { } due || deadline.AtRiskAt is not { } risk)
        {
            return SweepTimes.None;
        }

        var stage = ticket.AlertedStage(due);
        if (ticket.Level == SupportGroup.Level1)
        {
            return new SweepTimes(stage < DeadlineStage.AtRisk ? risk : null, due);
        }

        return new SweepTimes(stage < DeadlineStage.AtRisk ? risk : stage < DeadlineStage.Breached ? due : null, null);
    }

    /// <summary>What the sweep does with <paramref name="ticket"/> at <paramref name="now"/>.</summary>
    public static SweepAction Decide(Ticket ticket, TicketDeadline deadline, DateTimeOffset now, DateTimeOffset escalationHorizon)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(deadline);
        if (!ticket.IsActive || deadline.DueAt is not { } due || deadline.AtRiskAt is not { } risk)
        {
            return SweepAction.Nothing;
        }

        var alerted = ticket.AlertedStage(due);
        if (ticket.Level == SupportGroup.Level1 && due <= escalationHorizon && ticket.Status is TicketStatus.New or TicketStatus.Open)
        {
            return new SweepAction(Escalate: true, due <= now ? DeadlineStage.Breached : DeadlineStage.AtRisk, due);
        }

        var reached = ticket.Level == SupportGroup.Level2 && due <= now ? DeadlineStage.Breached
            : risk <= now ? DeadlineStage.AtRisk
            : DeadlineStage.None;
        return reached > alerted ? new SweepAction(Escalate: false, reached, due) : SweepAction.Nothing;
    }
}

/// <summary>The sweep's decision for one ticket: escalate automatically (reason "prazo"; the escalation card is the
/// alert) and/or record <see cref="Stage"/> for the deadline <see cref="DueAt"/> with its notification.</summary>
public sealed record SweepAction(bool Escalate, DeadlineStage Stage, DateTimeOffset? DueAt)
{
    public static SweepAction Nothing { get; } = new(false, DeadlineStage.None, null);

    public bool IsNothing => !Escalate && Stage == DeadlineStage.None;
}
