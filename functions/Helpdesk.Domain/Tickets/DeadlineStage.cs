namespace Helpdesk.Domain.Tickets;

/// <summary>How close a ticket is to its resolution deadline, as far as alerts go. Ordered: a later stage covers the earlier.</summary>
public enum DeadlineStage
{
    None = 0,

    /// <summary>Past the at-risk point: the assignee or group is warned (or, at level 1 near the deadline, the ticket is escalated).</summary>
    AtRisk = 1,

    /// <summary>Past the deadline: at level 2 the supervisor is warned.</summary>
    Breached = 2,
}
