using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Contracts;

/// <summary>
/// The sections of a contract that drive the monthly assessment: indicators with their penalty rules, stabilization,
/// aggravations, rescission thresholds, justification windows, atypical days, invoice/channel values and the named
/// interpretation options. Schema: docs/assessment-contract.md. Loaded by <see cref="Contracts.ContractDefinitionLoader"/> (<see cref="Contracts.ContractDefinition.Assessment"/>);
/// the ministry's annex (seed 003) is <see cref="DefaultAssessmentContract"/>.
/// </summary>
public sealed record AssessmentContract
{
    public required string Version { get; init; }

    public DateOnly? ContractStart { get; init; }

    public string TimeZone { get; init; } = "America/Sao_Paulo";

    public required IReadOnlyList<IndicatorDefinition> Indicators { get; init; }

    public InvoiceValues Invoice { get; init; } = InvoiceValues.None;

    public Stabilization Stabilization { get; init; } = new();

    /// <summary>The days left out of the indicators (ANS 4.1): the calendar's atypical days (<see cref="Calendar.CalendarDefinition.AtypicalDays"/>), one list for the clocks and the assessment.</summary>
    public IReadOnlyList<Calendar.AtypicalDay> AtypicalDays { get; init; } = [];

    public AggravationRules Aggravations { get; init; } = AggravationRules.Default;

    public RescissionRule Rescission { get; init; } = RescissionRule.Default;

    public JustificationRules Justification { get; init; } = JustificationRules.Default;

    public InterpretationOptions Options { get; init; } = InterpretationOptions.Default;

    public AnomalyOptions Anomalies { get; init; } = AnomalyOptions.Default;

    /// <summary>1 for the first twelve months from <see cref="ContractStart"/> (or when there is no start), 2 for the next twelve, …</summary>
    public int ContractYearOf(AssessmentMonth month) =>
        ContractStart is { } start && month.FirstDay >= start ? (month.MonthsSince(AssessmentMonth.Of(start)) / 12) + 1 : 1;
}
