using Helpdesk.Application.Escalation;
using Helpdesk.Application.Notifications;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Sla;

/// <summary>What one sweep did.</summary>
public sealed record SweepResult(int Examined, int Escalated, int AtRiskWarnings, int BreachWarnings);

/// <summary>
/// The every-minute deadline sweep (timer <c>SweepDeadlines</c>): reads only the tickets with an alert due
/// (<see cref="ITicketsNearDeadline"/>), and for each, in one write with its outbox: at risk → a card to the assignee
/// and group; level-1 deadline passed or passing before business hours resume → automatic escalation with reason
/// "prazo" through the same hand-off as an agent's (the routing card is the alert); level-2 deadline passed → a card
/// for the supervisor. Every alert is an event on the ticket, so a second sweep in the same minute does nothing new.
/// </summary>
public sealed partial class DeadlineSweep(
    ITicketStore store,
    ITicketsNearDeadline near,
    ITicketDeadlines deadlines,
    TicketClocks clocks,
    ICatalogueStore catalogue,
    TicketCards cards,
    IIdGenerator ids,
    ILogger<DeadlineSweep> logger)
{
    /// <summary>The timer's period (its schedule is every minute).</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The reason of automatic escalations (seen by level 2 and matched by routing rules).</summary>
    public const string EscalationReason = "prazo";

    /// <summary>Tickets handled per run at most; the rest wait for the next minute (the most urgent go first).</summary>
    public const int MaxPerRun = 500;

    public static Actor Sweeper { get; } = new("system", "sla-sweep");

    public async Task<SweepResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var horizon = clocks.EscalationHorizon(now, Interval);
        var due = await near.ListDueAsync(now, horizon, MaxPerRun, cancellationToken).ConfigureAwait(false);
        int escalated = 0, atRisk = 0, breached = 0;
        foreach (var id in due)
        {
            SweepAction action;
            try
            {
                action = await SweepOneAsync(id, now, horizon, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                // An agent changed the ticket meanwhile; the next minute's sweep looks at it again.
                LogConflict(logger, id.ToString());
                continue;
            }

            if (action.Escalate)
            {
                escalated++;
            }
            else if (action.Stage == DeadlineStage.Breached)
            {
                breached++;
            }
            else if (action.Stage == DeadlineStage.AtRisk)
            {
                atRisk++;
            }
        }

        return new SweepResult(due.Count, escalated, atRisk, breached);
    }

    private async Task<SweepAction> SweepOneAsync(TicketId id, DateTimeOffset now, DateTimeOffset horizon, CancellationToken cancellationToken)
    {
        var ticket = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return SweepAction.Nothing;
        }

        var action = SweepSchedule.Decide(ticket, deadlines.For(ticket), now, horizon);
        if (action.IsNothing || action.DueAt is not { } dueAt)
        {
            return SweepAction.Nothing;
        }

        var outbox = new List<OutboxMessage>();
        string metric;
        if (action.Escalate)
        {
            var current = (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue;
            var group = EscalationRouting.HandOffGroup(current, ticket.Category, ticket.Priority, null, EscalationReason);
            ticket.Escalate(group, EscalationReason, Sweeper, now);
            outbox.Add(new EscalationMessage(ids.NewId(), ticket.Id.ToString(), ticket.Protocol.ToString(), EscalationReason, null, Automatic: true).ToOutbox(now));
            ticket.AlertDeadline(action.Stage, dueAt, Sweeper, now);
            metric = "escalated";
        }
        else
        {
            ticket.AlertDeadline(action.Stage, dueAt, Sweeper, now);
            var breach = action.Stage == DeadlineStage.Breached;
            var reason = breach
                ? "Aviso à supervisão: prazo de resolução descumprido no 2º nível."
                : $"Aviso ao responsável e ao grupo: o prazo de resolução vence em {Presentation.PtBrTime.Format(dueAt, clocks.Clock)}.";
            outbox.Add(cards.Create(breach ? TicketCards.Breached : TicketCards.AtRisk, ticket, ticket.Group ?? "Central de Serviços", ticket.Assignee, reason, now).ToOutbox(now));
            metric = breach ? "breached" : "at-risk";
        }

        await store.SaveAsync(ticket, [], outbox, cancellationToken).ConfigureAwait(false);
        HelpdeskMetrics.DeadlineAlerts.Add(1, new KeyValuePair<string, object?>("action", metric));
        LogAlert(logger, ticket.Protocol.ToString(), metric);
        return action;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep: ticket {Protocol} {Action}")]
    private static partial void LogAlert(ILogger logger, string protocol, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep: ticket {TicketId} changed concurrently; left for the next run")]
    private static partial void LogConflict(ILogger logger, string ticketId);
}
