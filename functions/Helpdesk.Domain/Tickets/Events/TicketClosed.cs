namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A resolved ticket was closed for good: a later message from the requester opens a new, linked ticket.</summary>
public sealed record TicketClosed(string Reason) : TicketEventData
{
    public override string Kind => "closed";
}
