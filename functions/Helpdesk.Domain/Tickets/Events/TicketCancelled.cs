namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket was cancelled before resolution (withdrawn, opened by mistake, pending too long).</summary>
public sealed record TicketCancelled(string Reason) : TicketEventData
{
    public override string Kind => "cancelled";
}
