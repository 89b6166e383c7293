namespace Helpdesk.Domain.Escalation;

/// <summary>An agent of a support group as the assignment policy sees them: available or not, how many active
/// tickets they hold, and when they last received one.</summary>
public sealed record AgentWorkload(string AgentId, bool Available, int ActiveTickets, DateTimeOffset? LastAssignedAt);
