namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The pendency is over (the requester answered, or an agent resumed the work): the clock runs again.</summary>
public sealed record TicketResumed(string Reason) : TicketEventData
{
    public override string Kind => "resumed";
}
