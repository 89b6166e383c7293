namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket was resolved. <see cref="ResolvedAtFirstContact"/> feeds the first-contact resolution
/// indicator (ANS item 7); <see cref="Resolution"/> is what was done, as the requester is told.</summary>
public sealed record TicketResolved(bool ResolvedAtFirstContact, string Resolution) : TicketEventData
{
    public override string Kind => "resolved";
}
