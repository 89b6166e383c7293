namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket waits on the requester ("pendência do usuário"): the SLA clock is suspended from this event.</summary>
public sealed record TicketPendingOnRequester(string Reason) : TicketEventData
{
    public override string Kind => "pendingOnRequester";
}
