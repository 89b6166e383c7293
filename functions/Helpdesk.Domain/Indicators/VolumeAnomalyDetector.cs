namespace Helpdesk.Domain.Indicators;

public static class VolumeAnomalyDetector
{
    /// <summary>Compares each dimension value's volume with the same month last year and with the recent trend.</summary>
    public static IReadOnlyList<VolumeAnomaly> Detect(Breakdown volumes, VolumeHistory history, AnomalyOptions options)
    {
        ArgumentNullException.ThrowIfNull(volumes);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        var keys = volumes.Tallies.SelectMany(d => d.Value.Keys.Select(v => (d.Key, v))).Union(history.Keys).Distinct();
        var result = new List<VolumeAnomaly>();
        foreach (var (dimension, value) in keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2, StringComparer.Ordinal))
        {
            long now = volumes.CountOf(dimension, value);
            Check(dimension, value, "previousYear", history.PreviousYear(dimension, value), now, options, result);
            Check(dimension, value, "trend", history.TrendMean(dimension, value), now, options, result);
        }

        return result;
    }

    private static void Check(Dimension dimension, string value, string reference, decimal before, long now, AnomalyOptions options, List<VolumeAnomaly> result)
    {
        if (before < options.MinimumVolume && now < options.MinimumVolume)
        {
            return;
        }

        if (before == 0m)
        {
            result.Add(new VolumeAnomaly(dimension, value, reference, before, now, 100m));
            return;
        }

        var change = (now - before) * 100m / before;
        if (Math.Abs(change) > options.ThresholdPercent)
        {
            result.Add(new VolumeAnomaly(dimension, value, reference, before, now, Math.Round(change, 2, MidpointRounding.AwayFromZero)));
        }
    }
}
