namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A resolved ticket was reopened (the requester answered within the window, or an agent reopened it).</summary>
public sealed record TicketReopened(string Reason) : TicketEventData
{
    public override string Kind => "reopened";
}
