using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Escalation;

namespace Helpdesk.Application.Escalation;

/// <summary>
/// The routing table of level-2 hand-offs, derived from the service catalogue (one source of truth for groups):
/// each category goes to its level-2 group; a reason that mentions access or network words goes to the identity or
/// network group when the catalogue has it (also within a category, which makes it the more specific rule); anything
/// else goes to the first level-2 group of the catalogue (the catch-all).
/// </summary>
public static class EscalationRouting
{
    /// <summary>Built-in reason keywords per level-2 group code (used only when the catalogue has that group).</summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<string> Keywords)> ReasonKeywords { get; } =
    [
        ("identity", ["senha", "acesso", "login", "permissão", "conta bloqueada"]),
        ("network", ["vpn", "rede", "conexão", "wi-fi", "internet"]),
    ];

    /// <summary>The level-2 group an escalation is handed to when it is written: the group the agent named, else the
    /// category's level-2 group, else the routing table's choice. The escalation's consumer then routes it for good.</summary>
    public static SupportGroup HandOffGroup(SupportCatalogue catalogue, string? category, string? priority, string? requestedGroup, string reason)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var code = requestedGroup ?? catalogue.FindCategory(category)?.Level2Group ?? For(catalogue).Route(category, priority, reason).Group;
        return catalogue.FindGroup(code) ?? throw new DomainException("catalogue.group.unknown", $"No support group has code '{code}'.");
    }

    public static EscalationRouter For(SupportCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var level2 = catalogue.Groups.Where(g => g.Level == SupportGroup.Level2).ToList();
        var rules = new List<RoutingRule>();
        if (level2.Count > 0)
        {
            rules.Add(new RoutingRule(level2[0].Code));
        }

        var keywordRules = ReasonKeywords.Where(k => level2.Exists(g => g.Code == k.Group)).ToList();
        foreach (var (group, keywords) in keywordRules)
        {
            rules.Add(new RoutingRule(group, ReasonKeywords: keywords));
        }

        foreach (var category in catalogue.Categories)
        {
            rules.Add(new RoutingRule(category.Level2Group, Category: category.Code));
            foreach (var (group, keywords) in keywordRules)
            {
                rules.Add(new RoutingRule(group, Category: category.Code, ReasonKeywords: keywords));
            }
        }

        return new EscalationRouter(rules);
    }
}
