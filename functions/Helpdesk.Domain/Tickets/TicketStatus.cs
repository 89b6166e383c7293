namespace Helpdesk.Domain.Tickets;

public enum TicketStatus
{
    /// <summary>Registered, not yet taken by an agent.</summary>
    New,
    Open,
    PendingOnRequester,
    Resolved,
    Closed,
    Cancelled,
}
