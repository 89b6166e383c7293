using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Contracts;

/// <summary>The built-in contract is one versioned document: calendar, catalogue, clock settings and assessment sections,
/// each fact stated once (the time zone and the atypical days live in <c>calendar</c>).</summary>
public sealed class ContractDocumentTests
{
    private const string VersionField = "\"version\": \"mec-2019-encarte-d-1\",";

    [Fact]
    public void One_load_of_the_built_in_document_carries_the_calendar_and_the_assessment_sections()
    {
        var definition = ContractDefinitionLoader.Load(DefaultContract.Json());

        Assert.True(definition.IsSuccess, string.Join("; ", definition.Errors));
        Assert.Equal("default", definition.Definition.Id);
        var assessment = definition.Definition.Assessment;
        Assert.NotNull(assessment);
        Assert.Equal("mec-2019-encarte-d-1", assessment.Version);
        Assert.Equal(definition.Definition.Calendar.TimeZoneId, assessment.TimeZone);
        Assert.Empty(definition.Definition.UnknownSections);
        Assert.Same(DefaultContract.Definition.Assessment, DefaultAssessmentContract.Contract); // one source, not a second parse
    }

    [Fact]
    public void A_malformed_assessment_section_fails_the_whole_load_naming_the_field_and_unknown_sections_stay_listed()
    {
        var json = DefaultContract.Json();
        var broken = json.Replace(VersionField, "\"version\": \"\",", StringComparison.Ordinal);
        Assert.NotEqual(json, broken);

        var failed = ContractDefinitionLoader.Load(broken);
        Assert.False(failed.IsSuccess);
        Assert.Contains(failed.Errors, e => e.Path == "version");

        var withUnknown = ContractDefinitionLoader.Load(json.Replace(VersionField, VersionField + " \"reports\": { \"monthly\": true },", StringComparison.Ordinal));
        Assert.True(withUnknown.IsSuccess, string.Join("; ", withUnknown.Errors));
        Assert.Equal(["reports"], withUnknown.Definition.UnknownSections);
        Assert.NotNull(withUnknown.Definition.Assessment);
    }

    [Theory]
    [InlineData(" \"timeZone\": \"America/Sao_Paulo\",", "timeZone:")]
    [InlineData(" \"atypicalDays\": [],", "atypicalDays:")]
    public void A_fact_stated_again_beside_the_calendar_is_rejected_naming_the_field(string second, string field)
    {
        var json = DefaultContract.Json().Replace(VersionField, VersionField + second, StringComparison.Ordinal);

        var result = ContractDefinitionLoader.Load(json);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public void The_calendars_atypical_days_are_the_days_the_assessment_leaves_out()
    {
        var json = DefaultContract.Json().Replace(
            "\"atypicalDays\": []",
            "\"atypicalDays\": [ { \"date\": \"2026-03-10\", \"reason\": \"Queda de energia regional\" } ]",
            StringComparison.Ordinal);

        var definition = ContractDefinitionLoader.Load(json);

        Assert.True(definition.IsSuccess, string.Join("; ", definition.Errors));
        var day = Assert.Single(definition.Definition.Assessment!.AtypicalDays);
        Assert.Equal(new DateOnly(2026, 3, 10), day.Date);
        Assert.Equal("Queda de energia regional", day.Reason);
    }
}
