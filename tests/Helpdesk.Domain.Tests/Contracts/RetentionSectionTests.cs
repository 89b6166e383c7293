using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Contracts;

/// <summary>The contract's <c>retention</c> section (LGPD art. 16, I; docs/decisions/ADR-023).</summary>
public class RetentionSectionTests
{
    [Fact]
    public void The_built_in_contract_keeps_ended_tickets_five_years()
    {
        var ended = new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero);

        Assert.Equal(5, DefaultContract.Definition.Retention.ClosedTicketYears);
        Assert.Equal(new DateTimeOffset(2031, 11, 10, 13, 0, 0, TimeSpan.Zero), DefaultContract.Definition.Retention.KeptUntil(ended));
        Assert.Null(DefaultContract.Definition.Retention.KeptUntil(null));
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData(""", "retention": { "closedTicketYears": 10 }""", 10)]
    [InlineData(""", "retention": { "closedTicketYears": 0 }""", 0)]
    public void A_contract_may_set_the_years_and_gets_five_without_the_section(string section, int years)
    {
        var result = ContractDefinitionLoader.Load($$"""{ "schemaVersion": 1, "id": "c", "name": "n"{{section}} }""");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal(years, result.Definition.Retention.ClosedTicketYears);
        Assert.DoesNotContain("retention", result.Definition.UnknownSections);
    }

    [Theory]
    [InlineData("""{ "closedTicketYears": -1 }""", "retention.closedTicketYears")]
    [InlineData("""{ "closedTicketYears": 2.5 }""", "retention.closedTicketYears")]
    [InlineData("""{ "closedTicketYears": 31 }""", "retention.closedTicketYears")]
    [InlineData("""{ "years": 5 }""", "retention")]
    public void Invalid_retention_is_an_error_naming_the_field(string section, string path)
    {
        var result = ContractDefinitionLoader.Load($$"""{ "schemaVersion": 1, "id": "c", "name": "n", "retention": {{section}} }""");

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Path.StartsWith(path, StringComparison.Ordinal));
    }
}
