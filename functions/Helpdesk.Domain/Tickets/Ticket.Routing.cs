using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets;

/// <summary>Who works the ticket: assignment, escalation to a level-2 group, routed escalations and deadline alerts.</summary>
public sealed partial class Ticket
{
    /// <summary>An agent takes the ticket or gives it to <paramref name="assignee"/> (null: nobody). A new ticket becomes
    /// open. <paramref name="group"/>, if given, must be of the ticket's level.</summary>
    public bool Assign(string? assignee, SupportGroup? group, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        RequireStatus("assign", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester);
        assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (group is not null && group.Level != Level)
        {
            throw new DomainException(TicketErrors.GroupLevelMismatch, $"Group {group.Code} is a level-{group.Level} group; the ticket is at level {Level}.");
        }

        var newGroup = group?.Code ?? Group;
        var opens = Status == TicketStatus.New && assignee is not null;
        if (!opens && string.Equals(assignee, Assignee, StringComparison.Ordinal) && string.Equals(newGroup, Group, StringComparison.Ordinal))
        {
            return false;
        }

        Append(now, agent, new TicketAssigned(assignee, newGroup));
        return true;
    }

    /// <summary>Hands the ticket to a level-2 group with the reason level 1 could not resolve it (or moves it to another
    /// level-2 group). The assignee is cleared; a new ticket becomes open.</summary>
    public bool Escalate(SupportGroup group, string reason, Actor agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        Require(agent);
        RequireStatus("escalate", TicketStatus.New, TicketStatus.Open);
        var why = RequireReason(reason);
        if (group.Level != SupportGroup.Level2)
        {
            throw new DomainException(TicketErrors.EscalationTargetNotLevel2, $"Group {group.Code} is not a level-2 group.");
        }

        if (Level == SupportGroup.Level2 && string.Equals(Group, group.Code, StringComparison.Ordinal))
        {
            return false;
        }

        Append(now, agent, new TicketEscalated(Level, SupportGroup.Level2, group.Code, why));
        return true;
    }

    /// <summary>Routes an escalation: gives the level-2 ticket to <paramref name="group"/> and <paramref name="assignee"/>
    /// (null: nobody available) with the routing <paramref name="explanation"/>. False when this escalation was routed
    /// already (a redelivered hand-off) or the ticket is no longer active at level 2 (resolved, cancelled or merged
    /// before the hand-off was handled): then nothing changes.</summary>
    public bool RouteEscalation(string escalationId, SupportGroup group, string explanation, string? assignee, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        Require(actor);
        var id = RequireCode(escalationId, nameof(escalationId));
        if (_routedEscalations.Contains(id) || !IsActive || Level != SupportGroup.Level2)
        {
            return false;
        }

        if (group.Level != SupportGroup.Level2)
        {
            throw new DomainException(TicketErrors.EscalationTargetNotLevel2, $"Group {group.Code} is not a level-2 group.");
        }

        assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        Append(now, actor, new EscalationRouted(id, group.Code, RequireReason(explanation), assignee));
        return true;
    }

    /// <summary>Records that the deadline <paramref name="dueAt"/> reached <paramref name="stage"/> and people were told
    /// (the caller writes the notification to the outbox in the same write). False when that stage, or a later one, was
    /// already alerted for this deadline, or the ticket is no longer active.</summary>
    public bool AlertDeadline(DeadlineStage stage, DateTimeOffset dueAt, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (stage == DeadlineStage.None || !IsActive || AlertedStage(dueAt) >= stage)
        {
            return false;
        }

        Append(now, actor, new DeadlineAlerted(stage, dueAt.ToUniversalTime()));
        return true;
    }
}
