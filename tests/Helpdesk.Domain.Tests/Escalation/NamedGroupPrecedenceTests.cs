using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Escalation;

namespace Helpdesk.Domain.Tests.Escalation;

/// <summary>The named group wins when it is a level-2 group of the catalogue; otherwise the rules decide.</summary>
public class NamedGroupPrecedenceTests
{
    private static readonly RoutingDecision ByRules = new("systems", "regra geral");

    [Theory]
    //            named group       decided by   group     why
    [InlineData(null, "rules", "systems")] //          nobody named one
    [InlineData("field", "named", "field")] //         a level-2 group: wins over the rules
    [InlineData("identity", "named", "identity")] //   also over a keyword rule the reason would match
    [InlineData("service-desk", "rules", "systems")] // a level-1 group never wins
    [InlineData("printing", "rules", "systems")] //    not (or no longer) in the catalogue
    [InlineData("FIELD", "rules", "systems")] //       codes are exact
    public void The_named_group_wins_only_when_it_is_a_level_2_group_of_the_catalogue(string? named, string decidedBy, string group)
    {
        var rulesAsked = false;

        var decision = NamedGroupPrecedence.Decide(SupportCatalogue.Default, named, () =>
        {
            rulesAsked = true;
            return ByRules;
        });

        Assert.Equal(group, decision.Group);
        Assert.Equal(decidedBy == "rules", rulesAsked);
        Assert.Equal(decidedBy == "named" ? NamedGroupPrecedence.Explanation : ByRules.Explanation, decision.Explanation);
    }
}
