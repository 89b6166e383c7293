using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Assessment;

/// <summary>The built-in contract is one versioned document: calendar, catalogue, clock settings and assessment sections,
/// each fact stated once (the time zone and the atypical days live in <c>calendar</c>).</summary>
public sealed class ContractDocumentTests
{
    private const string VersionField = "\"version\": \"mec-2019-encarte-d-1\",";

    [Fact]
    public void The_built_in_document_is_read_by_both_the_calendar_loader_and_the_assessment_parser()
    {
        var json = DefaultContract.Json();

        var definition = ContractDefinitionLoader.Load(json);
        var assessment = AssessmentContractParser.Parse(json);

        Assert.True(definition.IsSuccess, string.Join("; ", definition.Errors));
        Assert.True(assessment.IsValid, string.Join("; ", assessment.Errors));
        Assert.Equal("default", definition.Definition.Id);
        Assert.Equal("mec-2019-encarte-d-1", assessment.Contract!.Version);
        Assert.Equal(definition.Definition.Calendar.TimeZoneId, assessment.Contract.TimeZone);
    }

    [Theory]
    [InlineData(" \"timeZone\": \"America/Sao_Paulo\",", "timeZone:")]
    [InlineData(" \"atypicalDays\": [],", "atypicalDays:")]
    public void A_fact_stated_again_beside_the_calendar_is_rejected_naming_the_field(string second, string field)
    {
        var json = DefaultContract.Json().Replace(VersionField, VersionField + second, StringComparison.Ordinal);

        var result = AssessmentContractParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public void The_calendars_atypical_days_are_the_days_the_assessment_leaves_out()
    {
        var json = DefaultContract.Json().Replace(
            "\"atypicalDays\": []",
            "\"atypicalDays\": [ { \"date\": \"2026-03-10\", \"reason\": \"Queda de energia regional\" } ]",
            StringComparison.Ordinal);

        var definition = ContractDefinitionLoader.Load(json);
        var assessment = AssessmentContractParser.Parse(json);

        Assert.True(definition.IsSuccess, string.Join("; ", definition.Errors));
        var day = Assert.Single(assessment.Contract!.AtypicalDays);
        Assert.Equal(new DateOnly(2026, 3, 10), day.Date);
        Assert.Equal("Queda de energia regional", day.Reason);
    }
}
