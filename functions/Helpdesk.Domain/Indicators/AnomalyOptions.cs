namespace Helpdesk.Domain.Indicators;

/// <summary>When a volume is anomalous (seed 000: monitoring reports flag anomalous year-over-year changes).</summary>
public sealed record AnomalyOptions
{
    public static AnomalyOptions Default { get; } = new();

    /// <summary><c>thresholdPercent</c>: flag a deviation larger than this, up or down (default 30 %).</summary>
    public decimal ThresholdPercent { get; init; } = 30m;

    /// <summary><c>minimumVolume</c>: ignore values where both the month and the reference are below this (default 20 tickets).</summary>
    public int MinimumVolume { get; init; } = 20;

    /// <summary><c>trendMonths</c>: the recent trend is the mean of this many preceding months (default 3).</summary>
    public int TrendMonths { get; init; } = 3;
}
