namespace Helpdesk.Domain.Penalties;

/// <summary>An ordered set of bands and the rule that places a value in exactly one of them.</summary>
public sealed class BandTable
{
    public BandTable(IReadOnlyList<ValueBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        if (bands.Count == 0)
        {
            throw new ArgumentException("A band table needs at least one band.", nameof(bands));
        }

        Bands = bands;
    }

    public IReadOnlyList<ValueBand> Bands { get; }

    /// <summary>
    /// The band for a value: among the bands that contain it, the milder or harsher per <paramref name="overlaps"/>;
    /// when none contains it, the nearest band(s), and among equally near ones the milder or harsher per <paramref name="gaps"/>.
    /// </summary>
    public ValueBand Place(decimal value, BandResolution overlaps, BandResolution gaps)
    {
        var containing = Bands.Where(b => b.Contains(value)).ToList();
        if (containing.Count > 0)
        {
            return Pick(containing, overlaps);
        }

        var nearest = Bands.Min(b => b.DistanceTo(value));
        var neighbours = Bands.Where(b => b.DistanceTo(value) == nearest).ToList();
        var below = Bands.Where(b => b.Max is { } hi && hi <= value).OrderByDescending(b => b.Max).FirstOrDefault();
        var above = Bands.Where(b => b.Min is { } lo && lo >= value).OrderBy(b => b.Min).FirstOrDefault();
        if (below is not null && above is not null)
        {
            // A value in a gap between two bands: the two neighbours, whatever their distances.
            neighbours = [below, above];
        }

        return Pick(neighbours, gaps);
    }

    /// <summary>The band containing the value, or null (lateness tables: a delivery on time is in no band).</summary>
    public ValueBand? Containing(decimal value) => Bands.FirstOrDefault(b => b.Contains(value));

    private static ValueBand Pick(List<ValueBand> candidates, BandResolution resolution) =>
        resolution == BandResolution.MilderBand
            ? candidates.MinBy(b => b.Fine.Value)!
            : candidates.MaxBy(b => b.Fine.Value)!;
}
