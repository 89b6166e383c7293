using Helpdesk.Application.Notifications;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Escalation;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Escalation;

/// <summary>What handling one hand-off did.</summary>
public enum RouteOutcome
{
    /// <summary>Routed and assigned now; the group's Teams card is in the outbox of the same write.</summary>
    Routed,

    /// <summary>This escalation was routed before (a redelivery): nothing changed, no second card.</summary>
    AlreadyRouted,

    /// <summary>The ticket left level 2 or ended before the hand-off was handled: nothing to route.</summary>
    NotWaiting,
}

/// <summary>
/// Consumer of <see cref="Queues.Escalations"/>: routes one hand-off to a level-2 group with the routing rules
/// (category, priority, reason; the group the agent named wins), gives it to the group's least-loaded available agent,
/// and records both as one <c>escalationRouted</c> event written with the group's Teams card (outbox), so that a
/// redelivery finds the event and changes nothing. When routing changes nothing (the group stays, nobody is available)
/// no event is written, only the card, under an id derived from the hand-off's (written and posted once).
/// Errors propagate: the invocation fails and the queue retries.
/// </summary>
public sealed partial class RouteEscalation(
    ITicketStore store,
    IOutboxWriter outbox,
    ICatalogueStore catalogue,
    IAgentRoster roster,
    TicketCards cards,
    TimeProvider clock,
    ILogger<RouteEscalation> logger)
{
    public static Actor Router { get; } = new("system", "escalation-router");

    private const int MaxAttempts = 5;

    public async Task<RouteOutcome> HandleAsync(EscalationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var escalationId = message.OutboxId.ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await store.GetAsync(TicketId.Parse(message.TicketId), cancellationToken).ConfigureAwait(false)
                ?? throw new TicketNotFoundException(message.Protocol);
            if (ticket.WasRouted(escalationId))
            {
                LogAlreadyRouted(logger, ticket.Protocol.ToString());
                return RouteOutcome.AlreadyRouted;
            }

            if (!ticket.IsActive || ticket.Level != SupportGroup.Level2)
            {
                LogNotWaiting(logger, ticket.Protocol.ToString(), ticket.Status, ticket.Level);
                return RouteOutcome.NotWaiting;
            }

            var current = (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue;
            var decision = NamedGroupPrecedence.Decide(current, message.RequestedGroup, () => EscalationRouting.For(current).Route(ticket.Category, ticket.Priority, message.Reason));
            var group = current.FindGroup(decision.Group)
                ?? throw new DomainException("catalogue.group.unknown", $"The routing table names group '{decision.Group}', which the catalogue lacks.");
            var workloads = await roster.WorkloadsAsync(group.Code, cancellationToken).ConfigureAwait(false);
            var assignee = LeastLoadedAssignment.Choose([.. workloads.Where(w => w.CanWork(group.Level))]); // never a member who cannot work the level
            var now = clock.GetUtcNow();
            var card = cards.Create(TicketCards.Escalated, ticket, group.Name, assignee, message.Reason, now, TicketCards.IdFor(message.OutboxId));
            if (assignee is null && ticket.Assignee is null && string.Equals(group.Code, ticket.Group, StringComparison.Ordinal))
            {
                // Nothing changes on the ticket (an event only on a real change): only the card is queued, under an id
                // derived from the hand-off's, so that a redelivery queues the same message, which is written once.
                await outbox.EnqueueAsync(card.ToOutbox(now), cancellationToken).ConfigureAwait(false);
                LogRouted(logger, ticket.Protocol.ToString(), group.Code, false);
                return RouteOutcome.Routed;
            }

            ticket.RouteEscalation(escalationId, group, decision.Explanation, assignee, Router, now);
            try
            {
                await store.SaveAsync(ticket, [], [card.ToOutbox(now)], cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue; // someone changed the ticket meanwhile: read it again and decide again
            }

            if (assignee is not null)
            {
                await roster.RecordAssignmentAsync(group.Code, assignee, now, cancellationToken).ConfigureAwait(false);
            }

            HelpdeskMetrics.Escalations.Add(1, new KeyValuePair<string, object?>("group", group.Code), new KeyValuePair<string, object?>("assigned", assignee is not null));
            LogRouted(logger, ticket.Protocol.ToString(), group.Code, assignee is not null);
            return RouteOutcome.Routed;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of ticket {Protocol} routed to {Group} (assigned: {Assigned})")]
    private static partial void LogRouted(ILogger logger, string protocol, string group, bool assigned);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of ticket {Protocol} was routed before; redelivery ignored")]
    private static partial void LogAlreadyRouted(ILogger logger, string protocol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of ticket {Protocol} not routed: the ticket is {Status} at level {Level}")]
    private static partial void LogNotWaiting(ILogger logger, string protocol, TicketStatus status, int level);
}
