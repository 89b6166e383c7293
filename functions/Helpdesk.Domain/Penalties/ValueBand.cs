namespace Helpdesk.Domain.Penalties;

/// <summary>
/// One row of a penalty table: an interval of values (either end may be open or unbounded) and the fine for it.
/// For impact tables the interval is written as in the annex ("84,99 % a 75 %" is [75, 84.99]); for achieved-value
/// tables as half-open intervals ("&gt;= 5 % e &lt; 30 %" is [5, 30)); for lateness tables in hours ("&gt; 24h e &lt;= 48h").
/// </summary>
public sealed record ValueBand
{
    private ValueBand(decimal? min, bool minInclusive, decimal? max, bool maxInclusive, Percent fine, Impact impact)
    {
        Min = min;
        MinInclusive = minInclusive;
        Max = max;
        MaxInclusive = maxInclusive;
        Fine = fine;
        Impact = impact;
    }

    public decimal? Min { get; }

    public bool MinInclusive { get; }

    public decimal? Max { get; }

    public bool MaxInclusive { get; }

    public Percent Fine { get; }

    public Impact Impact { get; }

    public static ValueBand Create(decimal? min, bool minInclusive, decimal? max, bool maxInclusive, Percent fine, Impact impact = Impact.None)
    {
        if (min is null && max is null)
        {
            throw new ArgumentException("A band needs at least one bound.", nameof(min));
        }

        if (min is { } lo && max is { } hi && (lo > hi || (lo == hi && !(minInclusive && maxInclusive))))
        {
            throw new ArgumentException($"The band's lower bound {lo} is above its upper bound {hi}.", nameof(min));
        }

        return new ValueBand(min, minInclusive, max, maxInclusive, fine, impact);
    }

    public bool Contains(decimal value) =>
        (Min is not { } lo || (MinInclusive ? value >= lo : value > lo))
        && (Max is not { } hi || (MaxInclusive ? value <= hi : value < hi));

    /// <summary>How far a value lies outside the band (0 when inside); used to place values that fall in a gap.</summary>
    public decimal DistanceTo(decimal value)
    {
        if (Contains(value))
        {
            return 0m;
        }

        if (Min is { } lo && value <= lo)
        {
            return lo - value;
        }

        return Max is { } hi && value >= hi ? value - hi : 0m;
    }
}
