namespace Helpdesk.Domain.Catalogue;

/// <summary>A support group ("grupo de atendimento", a queue) at level 1 or level 2. <see cref="ReasonKeywords"/> are
/// the words that, found in an escalation's reason (accent- and case-insensitively), route the hand-off to this level-2
/// group (docs/escalation.md); null means "not given", which the catalogue resolves to the built-in keywords of the
/// group's code (<see cref="SupportCatalogue.BuiltInReasonKeywords"/>), an empty list means none.</summary>
public sealed record SupportGroup(string Code, string Name, int Level, IReadOnlyList<string>? ReasonKeywords = null)
{
    public const int Level1 = 1;
    public const int Level2 = 2;

    /// <summary>The longest reason keyword.</summary>
    public const int MaxKeywordLength = 100;

    /// <summary>By value, keywords included (in order).</summary>
    public bool Equals(SupportGroup? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Level == other.Level
        && (ReasonKeywords ?? []).SequenceEqual(other.ReasonKeywords ?? [], StringComparer.Ordinal)
        && (ReasonKeywords is null) == (other.ReasonKeywords is null);

    public override int GetHashCode() => HashCode.Combine(Code, Name, Level);
}
