using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Indicators;

/// <summary>
/// The month's assessment: indicator rows, totals (the indicators' fines, capped by <c>options.totalCap</c> if set,
/// plus aggravations), rescission status, management figures, anomalies and warnings. <see cref="Outcome"/> is what
/// the next month's assessment needs in its history.
/// </summary>
public sealed record MonthlyAssessment
{
    public required AssessmentMonth Month { get; init; }

    public required string ContractVersion { get; init; }

    public required int ContractYear { get; init; }

    public required Money Invoice { get; init; }

    public bool StabilizationWaived { get; init; }

    public required IReadOnlyList<IndicatorResult> Indicators { get; init; }

    /// <summary>The indicators' fines as a percentage of the invoice (the sum of rates when the invoice is unknown).</summary>
    public decimal PenaltyPercent { get; init; }

    /// <summary>The indicators' fines, after the total cap if any, before aggravations.</summary>
    public Money PenaltyAmount { get; init; }

    public IReadOnlyList<Aggravation> Aggravations { get; init; } = [];

    /// <summary>Fines plus aggravations: the reduction to apply, subject to the justification workflow.</summary>
    public Money TotalAmount { get; init; }

    public required RescissionStatus Rescission { get; init; }

    public required ManagementFigures Management { get; init; }

    public IReadOnlyList<VolumeAnomaly> Anomalies { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The readings of the contract the figures were computed with (<see cref="AssessmentReadings"/>).</summary>
    public IReadOnlyList<AssessmentReading> Readings { get; init; } = [];

    public required MonthOutcome Outcome { get; init; }

    /// <summary>The justification workflow's effect on the reduction (null when not settled: <c>helpdesk assess</c> without <c>--justifications</c>).</summary>
    public MonthSettlement? Settlement { get; init; }
}
