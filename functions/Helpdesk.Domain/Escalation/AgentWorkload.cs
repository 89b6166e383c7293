namespace Helpdesk.Domain.Escalation;

/// <summary>An agent of a support group as the assignment policy sees them: available or not, how many active
/// tickets they hold, when they last received one, and the highest ticket level they may work (<see cref="WorkLevel"/>;
/// null for a member enrolled before levels were recorded, who counts as able until their enrolment is set again).</summary>
public sealed record AgentWorkload(string AgentId, bool Available, int ActiveTickets, DateTimeOffset? LastAssignedAt, int? WorkLevel = null)
{
    /// <summary>Whether the agent may work tickets of <paramref name="level"/>: a level-1 agent never draws an escalation.</summary>
    public bool CanWork(int level) => WorkLevel is not { } own || own >= level;
}
