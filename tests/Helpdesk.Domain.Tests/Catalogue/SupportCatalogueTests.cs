using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Catalogue;

public class SupportCatalogueTests
{
    [Fact]
    public void Every_category_and_default_priority_of_the_built_in_catalogue_has_targets_in_the_built_in_contract()
    {
        var contract = DefaultContract.Definition.ServiceCatalogue;

        Assert.All(SupportCatalogue.Default.Categories, c => Assert.NotNull(contract.Find(c.Code, c.DefaultPriority)));
    }

    [Fact]
    public void A_category_must_start_at_a_level_1_group_and_escalate_to_a_level_2_group()
    {
        var d = SupportCatalogue.Default;
        var wrong = d.Categories.Select((c, i) => i == 0 ? c with { Level1Group = "systems", Level2Group = "service-desk" } : c).ToList();

        var error = Assert.Throws<CatalogueException>(() => new SupportCatalogue(wrong, d.Priorities, d.Groups));

        Assert.Contains("categories[0].level1Group", error.Errors.Keys);
        Assert.Contains("categories[0].level2Group", error.Errors.Keys);
    }

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        var d = SupportCatalogue.Default;
        var groups = d.Groups.Append(new SupportGroup("systems", "Outro", 2)).Append(new SupportGroup("Com Espaço", "X", 2)).ToList();

        var errors = SupportCatalogue.Validate(d.Categories, d.Priorities, groups);

        Assert.Contains($"groups[{d.Groups.Count}].code", errors.Keys);
        Assert.Contains($"groups[{d.Groups.Count + 1}].code", errors.Keys);
    }
}
