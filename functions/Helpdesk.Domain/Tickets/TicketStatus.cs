namespace Helpdesk.Domain.Tickets;

/// <summary>Where a ticket is in its lifecycle. Escalation is not a status: an escalated ticket is <see cref="Open"/>
/// at level 2 (see <see cref="Ticket.Level"/>).</summary>
public enum TicketStatus
{
    /// <summary>Registered, not yet taken by an agent.</summary>
    New,

    /// <summary>Being worked at its level (1, or 2 after an escalation).</summary>
    Open,

    /// <summary>Waiting on the requester; the SLA clock is suspended.</summary>
    PendingOnRequester,

    /// <summary>Resolved; the requester may still reopen it within the reopening window.</summary>
    Resolved,

    /// <summary>Final. A later message from the requester opens a new ticket linked to this one.</summary>
    Closed,

    /// <summary>Final: withdrawn or opened by mistake.</summary>
    Cancelled,

    /// <summary>Final: a duplicate merged into another ticket.</summary>
    Merged,
}
