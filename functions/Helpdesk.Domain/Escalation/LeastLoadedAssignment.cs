namespace Helpdesk.Domain.Escalation;

/// <summary>
/// The fair assignment policy: the available agent with the fewest active tickets; ties go to whoever waited longest
/// since their last assignment (never assigned counts as longest), then by agent id, so that the choice is
/// deterministic and the same input always gives the same agent. No available agent: the ticket stays with the group.
/// </summary>
public static class LeastLoadedAssignment
{
    public static string? Choose(IEnumerable<AgentWorkload> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        return agents
            .Where(a => a.Available)
            .OrderBy(a => a.ActiveTickets)
            .ThenBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(a => a.AgentId, StringComparer.Ordinal)
            .Select(a => a.AgentId)
            .FirstOrDefault();
    }
}
