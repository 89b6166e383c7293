using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Escalation;

namespace Helpdesk.Application.Escalation;

/// <summary>
/// The routing table of level-2 hand-offs, derived from the service catalogue (one source of truth for groups and their
/// reason keywords): each category goes to its level-2 group; a reason that mentions a level-2 group's keywords
/// (<see cref="SupportGroup.ReasonKeywords"/>, e.g. the identity group's "senha") goes to that group (also within a
/// category, which makes it the more specific rule; among keyword groups, the first in the catalogue's order); anything
/// else goes to the first level-2 group of the catalogue (the catch-all). The group the agent named wins over all of it
/// (<see cref="NamedGroupPrecedence"/>).
/// </summary>
public static class EscalationRouting
{
    /// <summary>The level-2 group an escalation is handed to when it is written: the group the agent named
    /// (<see cref="NamedGroupPrecedence"/>), else the category's level-2 group, else the routing table's choice. The
    /// escalation's consumer then routes it for good.</summary>
    public static SupportGroup HandOffGroup(SupportCatalogue catalogue, string? category, string? priority, string? requestedGroup, string reason)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        if (requestedGroup is not null && catalogue.FindGroup(requestedGroup) is not { Level: SupportGroup.Level2 })
        {
            // The agent's choice is checked, never replaced: an unknown group is refused here, a level-1 group by the
            // ticket (Ticket.Escalate), each with its own error.
            return catalogue.FindGroup(requestedGroup) ?? throw UnknownGroup(requestedGroup);
        }

        var code = NamedGroupPrecedence.Decide(
            catalogue,
            requestedGroup,
            () => catalogue.FindCategory(category) is { } known
                ? new RoutingDecision(known.Level2Group, "categoria " + known.Code)
                : For(catalogue).Route(category, priority, reason)).Group;
        return catalogue.FindGroup(code) ?? throw UnknownGroup(code);
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

        var keywordRules = level2.Where(g => g.ReasonKeywords is { Count: > 0 }).Select(g => (Group: g.Code, Keywords: g.ReasonKeywords!)).ToList();
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

    private static DomainException UnknownGroup(string code) => new("catalogue.group.unknown", $"No support group has code '{code}'.");
}
