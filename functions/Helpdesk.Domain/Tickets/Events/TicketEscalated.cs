namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket was handed to a level-2 support group, with the reason level 1 could not resolve it
/// (or moved between level-2 groups). The assignee is cleared: the group picks the ticket up.</summary>
public sealed record TicketEscalated(int FromLevel, int ToLevel, string Group, string Reason) : TicketEventData
{
    public override string Kind => "escalated";
}
