using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Indicators;

/// <summary>
/// One row of the assessment: flat on purpose, so that it renders to JSON, CSV or a spreadsheet row as it is.
/// <see cref="Value"/> is rounded as compared; <see cref="Met"/> is null when not measured or without target;
/// <see cref="PenaltyPercent"/> is the applied rate of <see cref="BaseAmount"/> (the invoice or the channel's value).
/// </summary>
public sealed record IndicatorResult
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IndicatorFormula Formula { get; init; }

    public required IndicatorUnit Unit { get; init; }

    public required Measurement Measurement { get; init; }

    public decimal? Value { get; init; }

    public decimal? Target { get; init; }

    public required Comparison Comparison { get; init; }

    public bool? Met { get; init; }

    public string? Channel { get; init; }

    public Money BaseAmount { get; init; }

    public decimal PenaltyPercent { get; init; }

    public Money PenaltyAmount { get; init; }

    public Impact Impact { get; init; }

    public bool Capped { get; init; }

    public IReadOnlyList<LateActivity> LateActivities { get; init; } = [];

    /// <summary>False for indicators reported without a fine (SCM3, SCM14): their misses do not aggravate (4.12, 4.13).</summary>
    public bool HasPenalty { get; init; }

    public bool Measured => Value is not null;
}
