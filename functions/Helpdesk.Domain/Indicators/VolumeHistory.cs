namespace Helpdesk.Domain.Indicators;

/// <summary>Ticket counts per dimension value in the comparison months: the same month a year earlier and the recent months.</summary>
public sealed class VolumeHistory(int trendMonths)
{
    private readonly Dictionary<(Dimension, string), long[]> _counts = [];

    public int TrendMonths { get; } = trendMonths;

    /// <summary>Slot 0 = same month of the previous year; slot k (1..TrendMonths) = k months before.</summary>
    public void Add(Dimension dimension, string value, int slot)
    {
        if (!_counts.TryGetValue((dimension, value), out var counts))
        {
            counts = new long[TrendMonths + 1];
            _counts[(dimension, value)] = counts;
        }

        counts[slot]++;
    }

    public long PreviousYear(Dimension dimension, string value) => _counts.TryGetValue((dimension, value), out var c) ? c[0] : 0;

    /// <summary>Mean count over the trend months.</summary>
    public decimal TrendMean(Dimension dimension, string value) =>
        _counts.TryGetValue((dimension, value), out var c) && TrendMonths > 0 ? c.Skip(1).Sum() / (decimal)TrendMonths : 0m;

    public IEnumerable<(Dimension Dimension, string Value)> Keys => _counts.Keys;
}
