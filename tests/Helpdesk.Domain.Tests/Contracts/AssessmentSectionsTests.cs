using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Tests.Contracts;

/// <summary>The assessment sections of a contract document, read by the one contract loader (<see cref="ContractDefinitionLoader"/>).</summary>
public class AssessmentSectionsTests
{
    [Fact]
    public void The_built_in_contract_is_the_annex()
    {
        var contract = DefaultAssessmentContract.Contract;
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "SCM3", "SCM14", "NS", "TME", "IDS", "TMA", "IRbot", "IRchat", "TMAchat", "IRURA"], contract.Indicators.Select(i => i.Id));
        Assert.Equal(30m, contract.Indicators[0].Penalty!.Cap!.Value.Value);
        Assert.Equal(90, contract.Stabilization.Days);
        Assert.Equal(3, contract.Rescission.High);
    }

    [Theory]
    [InlineData(1, 70)]
    [InlineData(2, 75)]
    [InlineData(3, 80)]
    [InlineData(9, 80)]
    public void Indicator_7_target_rises_per_contract_year_up_to_80(int year, int target)
    {
        Assert.Equal(target, DefaultAssessmentContract.Contract.Indicators.Single(i => i.Id == "7").TargetFor(year));
    }

    [Fact]
    public void Contract_year_counts_twelve_months_from_the_start()
    {
        var contract = DefaultAssessmentContract.Contract with { ContractStart = new DateOnly(2025, 2, 1) };
        Assert.Equal(1, contract.ContractYearOf(AssessmentMonth.Create(2026, 1)));
        Assert.Equal(2, contract.ContractYearOf(AssessmentMonth.Create(2026, 2)));
    }

    [Theory]
    [InlineData("\"cap\": 30", "\"cap\": 130", "indicators[0].penalty.cap")]
    [InlineData("\"formula\": \"deadlinesMet\"", "\"formula\": \"deadlines\"", "indicators[1].formula")]
    [InlineData("\"bandOverlaps\": \"milderBand\"", "\"bandOverlaps\": \"coinToss\"", "options.bandOverlaps")]
    [InlineData("\"warnMargin\": 1", "\"warnMargin\": 1, \"warn\": 2", "rescission.warn")]
    [InlineData("\"min\": 5, \"maxExclusive\": 30, \"fine\": 8", "\"min\": 5, \"maxExclusive\": 30", "indicators[1].penalty.bands[1].fine")]
    [InlineData("\"min\": 75, \"max\": 84.99, \"fine\": 1, \"impact\": \"low\"", "\"min\": 85, \"max\": 75, \"fine\": 1, \"impact\": \"low\"", "indicators[9].penalty.bands[0]")]
    [InlineData("\"kind\": \"latenessBands\"", "\"kind\": \"perStep\", \"finePerStep\": 1, \"step\": 1", "indicators[4].penalty")]
    [InlineData("\"version\": \"mec-2019-encarte-d-1\"", "\"version\": \"\"", "version")]
    [InlineData("\"atypicalDays\": []", "\"atypicalDays\": [ { \"date\": \"2026-02-30\" } ]", "calendar.atypicalDays[0].date")]
    [InlineData("\"timeZone\": \"America/Sao_Paulo\"", "\"timeZone\": \"Mars/Olympus\"", "timeZone")]
    [InlineData("\"id\": \"SCM14\"", "\"id\": \"SCM3\"", "indicators[8].id")]
    public void A_malformed_contract_is_rejected_naming_the_field(string original, string replacement, string field)
    {
        var json = DefaultAssessmentContract.Json;
        Assert.Contains(original, json, StringComparison.Ordinal);
        var result = ContractDefinitionLoader.Load(json.Replace(original, replacement, StringComparison.Ordinal));
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public void A_minimal_contract_takes_the_documented_defaults()
    {
        var result = ContractDefinitionLoader.LoadAssessmentSections("""
            { "version": "x", "indicators": [ { "id": "2", "name": "Prazo", "formula": "deadlinesMet", "target": 95, "comparison": "atLeast",
              "penalty": { "kind": "perStep", "finePerStep": 1, "step": 1 } } ] }
            """, DefaultContract.Definition);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        var contract = result.Definition.Assessment!;
        Assert.Equal(InterpretationOptions.Default, contract.Options);
        Assert.Equal(AggravationRules.Default, contract.Aggravations);
        Assert.Equal(PartialPoints.WholeStepsOnly, ((PerStepRule)contract.Indicators[0].Penalty!).PartialPoints);
        Assert.Equal(ShortfallOrigin.Target, ((PerStepRule)contract.Indicators[0].Penalty!).Origin);
        Assert.Equal(IndicatorFormula.DeadlinesMet, contract.Indicators[0].Formula);
    }

    [Fact]
    public void An_unknown_field_in_assessment_sections_alone_is_rejected_naming_it()
    {
        // In a whole document an unknown root section is listed (ContractDefinition.UnknownSections); a document of the
        // assessment sections alone has no other sections, so a misspelt one is an error.
        var result = ContractDefinitionLoader.LoadAssessmentSections("""
            { "version": "x", "stabilisation": 1, "indicators": [ { "id": "2", "name": "Prazo", "formula": "deadlinesMet", "target": 95, "comparison": "atLeast",
              "penalty": { "kind": "perStep", "finePerStep": 1, "step": 1 } } ] }
            """, DefaultContract.Definition);

        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Path == "stabilisation");
    }

    [Fact]
    public void Not_json_at_all_is_an_error_not_an_exception()
    {
        var whole = ContractDefinitionLoader.Load("{ \"version\": ");
        var sections = ContractDefinitionLoader.LoadAssessmentSections("{ \"version\": ", DefaultContract.Definition);
        Assert.False(whole.IsSuccess);
        Assert.NotEmpty(whole.Errors);
        Assert.False(sections.IsSuccess);
        Assert.NotEmpty(sections.Errors);
    }
}
