namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The escalation <see cref="EscalationId"/> (the outbox id of its hand-off message) was routed to a level-2
/// group, with the routing rule's explanation in pt-BR, and given to <see cref="Assignee"/> (null: no agent of the
/// group was available; the group picks it up). One per escalation: a redelivered hand-off finds it and does nothing.</summary>
public sealed record EscalationRouted(string EscalationId, string Group, string Explanation, string? Assignee) : TicketEventData
{
    public override string Kind => "escalationRouted";
}
