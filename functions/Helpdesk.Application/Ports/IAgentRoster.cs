using Helpdesk.Domain.Escalation;

namespace Helpdesk.Application.Ports;

/// <summary>A member of a support group as a supervisor sees it. <see cref="WorkLevel"/>: the highest ticket level the
/// agent may work (1 or 2), recorded at enrolment; null for a member enrolled before levels were recorded.</summary>
public sealed record GroupMember(string Group, string AgentId, bool Available, int ActiveTickets, DateTimeOffset? LastAssignedAt, DateTimeOffset ChangedAt, int? WorkLevel = null);

/// <summary>
/// Who works in each support group and whether they take tickets now (the roster), with the workload the fair
/// assignment policy needs: active tickets held (from the tickets' read model) and the last assignment. Members and
/// availability are kept by supervisors and by the agents themselves (<c>PUT /api/groups/{group}/members/{agent}</c>).
/// </summary>
public interface IAgentRoster
{
    Task<IReadOnlyList<GroupMember>> MembersAsync(string group, CancellationToken cancellationToken);

    /// <summary>Adds the agent to the group or changes their availability; <paramref name="workLevel"/> (the highest level
    /// they may work) replaces the recorded one when given, and is kept when null.</summary>
    Task SetAvailabilityAsync(string group, string agentId, bool available, int? workLevel, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Removes the agent from the group; false when they were not in it.</summary>
    Task<bool> RemoveAsync(string group, string agentId, CancellationToken cancellationToken);

    /// <summary>Remembers that the agent was just given a ticket (the policy's tie-breaker).</summary>
    Task RecordAssignmentAsync(string group, string agentId, DateTimeOffset now, CancellationToken cancellationToken);
}

public static class AgentRosterExtensions
{
    public static async Task<IReadOnlyList<AgentWorkload>> WorkloadsAsync(this IAgentRoster roster, string group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var members = await roster.MembersAsync(group, cancellationToken).ConfigureAwait(false);
        return [.. members.Select(m => new AgentWorkload(m.AgentId, m.Available, m.ActiveTickets, m.LastAssignedAt, m.WorkLevel))];
    }
}
