using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;

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

public class SupportCatalogueKindAndActivityTests
{
    [Fact]
    public void The_built_in_categories_have_the_regulators_kinds_and_no_invented_activity_values()
    {
        var d = SupportCatalogue.Default;

        Assert.Equal(TicketKind.Information, d.FindCategory("information")?.Kind);
        Assert.Equal(TicketKind.Incident, d.FindCategory("incident")?.Kind);
        Assert.Equal(TicketKind.Complaint, d.FindCategory("complaint")?.Kind);
        Assert.Equal(TicketKind.Request, d.FindCategory("repair")?.Kind);
        Assert.All(d.Categories, c => Assert.Null(c.ActivityValue));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(100_000_001)]
    public void An_activity_value_must_be_a_positive_amount_within_the_guard(decimal value)
    {
        var d = SupportCatalogue.Default;
        var categories = d.Categories.Select((c, i) => i == 2 ? c with { ActivityValue = value } : c).ToList();

        var errors = SupportCatalogue.Validate(categories, d.Priorities, d.Groups);

        Assert.Contains("categories[2].activityValue", errors.Keys);
    }

    [Fact]
    public void An_undefined_kind_is_rejected_and_a_valid_activity_value_is_kept()
    {
        var d = SupportCatalogue.Default;
        var categories = d.Categories.Select((c, i) => i switch
        {
            0 => c with { Kind = (TicketKind)42 },
            2 => c with { ActivityValue = 1250.50m },
            _ => c,
        }).ToList();

        var errors = SupportCatalogue.Validate(categories, d.Priorities, d.Groups);
        var valid = new SupportCatalogue([.. categories.Skip(1)], d.Priorities, d.Groups);

        Assert.Equal(["categories[0].kind"], errors.Keys);
        Assert.Equal(1250.50m, valid.FindCategory(categories[2].Code)?.ActivityValue);
    }
}
