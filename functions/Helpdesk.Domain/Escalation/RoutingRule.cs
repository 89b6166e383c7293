namespace Helpdesk.Domain.Escalation;

/// <summary>
/// One rule of the level-2 routing table: when every condition that is set matches, the hand-off goes to
/// <see cref="Group"/>. Conditions left null match anything. Keywords are matched in the agent's reason,
/// accent- and case-insensitively.
/// </summary>
public sealed record RoutingRule(string Group, string? Category = null, string? Priority = null, IReadOnlyList<string>? ReasonKeywords = null)
{
    /// <summary>More conditions make a more specific rule; the most specific matching rule wins.</summary>
    public int Specificity => (Category is null ? 0 : 4) + (Priority is null ? 0 : 2) + (ReasonKeywords is { Count: > 0 } ? 1 : 0);
}
