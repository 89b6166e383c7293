using System.Globalization;
using System.Text;
using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Escalation;

/// <summary>The routing decision and why it was taken (kept in the history and shown to supervisors).</summary>
public sealed record RoutingDecision(string Group, string Explanation);

/// <summary>
/// Chooses the level-2 group of a hand-off from the ticket's category and priority and the agent's reason:
/// the most specific matching rule wins; among equally specific rules, the first in the table. A table without a
/// catch-all rule and a hand-off that matches nothing is a configuration error, reported, never guessed.
/// </summary>
public sealed class EscalationRouter
{
    private readonly IReadOnlyList<RoutingRule> _rules;

    public EscalationRouter(IReadOnlyList<RoutingRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Count == 0)
        {
            throw new DomainException("routing.empty", "The routing table has no rule.");
        }

        _rules = rules;
    }

    public RoutingDecision Route(string? category, string? priority, string reason)
    {
        var foldedReason = Fold(reason ?? string.Empty);
        RoutingRule? best = null;
        foreach (var rule in _rules)
        {
            if (rule.Category is not null && !string.Equals(rule.Category, category, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (rule.Priority is not null && !string.Equals(rule.Priority, priority, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (rule.ReasonKeywords is { Count: > 0 } keywords && !keywords.Any(k => foldedReason.Contains(Fold(k), StringComparison.Ordinal)))
            {
                continue;
            }

            if (best is null || rule.Specificity > best.Specificity)
            {
                best = rule;
            }
        }

        if (best is null)
        {
            throw new DomainException("routing.noMatch", $"No routing rule matches category '{category}', priority '{priority}'; add a catch-all rule.");
        }

        var because = new List<string>();
        if (best.Category is not null)
        {
            because.Add("categoria " + best.Category);
        }

        if (best.Priority is not null)
        {
            because.Add("prioridade " + best.Priority);
        }

        if (best.ReasonKeywords is { Count: > 0 })
        {
            because.Add("motivo menciona " + string.Join(" / ", best.ReasonKeywords));
        }

        return new RoutingDecision(best.Group, because.Count == 0 ? "regra geral" : string.Join(", ", because));
    }

    /// <summary>Lower case without diacritics, so that "configuração" matches "configuracao".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
