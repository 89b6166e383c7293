namespace Helpdesk.Domain.Penalties;

/// <summary>
/// The readings this product chose where the annex is ambiguous (DOMAIN.md AMBIGUOUS points). Each is a named
/// setting of the contract's <c>options</c> section; docs/assessment-contract.md lists them with their defaults.
/// Per-rule ambiguities (partial points, where indicator 6 counts from) live on <see cref="PerStepRule"/>.
/// </summary>
public sealed record InterpretationOptions
{
    public static InterpretationOptions Default { get; } = new();

    /// <summary><c>bandOverlaps</c>: ISC's low and medium bands overlap (82–82.99 %). Default: milder band.</summary>
    public BandResolution BandOverlaps { get; init; } = BandResolution.MilderBand;

    /// <summary><c>bandGaps</c>: a missed value in no band (IACVB 51–61 %; TME 20.5 s). Default: milder neighbouring band.</summary>
    public BandResolution BandGaps { get; init; } = BandResolution.MilderBand;

    /// <summary><c>percentDecimals</c>: percentages are rounded to this many decimals for display (and before comparing when
    /// <see cref="TargetComparison"/> is <c>rounded</c>); default 2, as the annex writes "84,99 %"; half away from zero.</summary>
    public int PercentDecimals { get; init; } = 2;

    /// <summary><c>secondsDecimals</c>: mean times are rounded to this many decimals for display (and before comparing when
    /// <see cref="TargetComparison"/> is <c>rounded</c>); default 0: the annex writes whole seconds, "21s a 23s".</summary>
    public int SecondsDecimals { get; init; }

    /// <summary><c>targetComparison</c>: exact ratios by default (94.995 % does not meet "95 %"); <c>rounded</c> compares the
    /// value rounded by <see cref="PercentDecimals"/>/<see cref="SecondsDecimals"/> (ADR-010's earlier reading).</summary>
    public TargetComparison TargetComparison { get; init; } = TargetComparison.Exact;

    /// <summary><c>totalCap</c>: an optional cap on the month's total fine (percent of the invoice). Default: none (4.8: fines add up).</summary>
    public Percent? TotalCap { get; init; }
}
