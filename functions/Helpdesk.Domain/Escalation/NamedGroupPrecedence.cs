using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Domain.Escalation;

/// <summary>
/// Who decides a hand-off's level-2 group, the one place this precedence is written (the hand-off written by
/// <c>EscalationRouting.HandOffGroup</c> and the routing done by <c>RouteEscalation</c> both ask it).
/// Rule: the group the agent named wins over every routing rule (category, priority, reason keywords, catch-all) when it
/// is a level-2 group of the catalogue; when nobody named a group, or the named group is not (or no longer, the catalogue
/// having changed since the hand-off) a level-2 group of the catalogue, the routing rules decide.
/// </summary>
public static class NamedGroupPrecedence
{
    /// <summary>The explanation kept with a decision taken by the named group (pt-BR, shown to supervisors).</summary>
    public const string Explanation = "grupo escolhido por quem escalou";

    /// <summary>The named group's decision when it wins, else <paramref name="rules"/>' (asked only then).</summary>
    public static RoutingDecision Decide(SupportCatalogue catalogue, string? namedGroup, Func<RoutingDecision> rules)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(rules);
        return namedGroup is not null && catalogue.FindGroup(namedGroup) is { Level: SupportGroup.Level2 } named
            ? new RoutingDecision(named.Code, Explanation)
            : rules();
    }
}
