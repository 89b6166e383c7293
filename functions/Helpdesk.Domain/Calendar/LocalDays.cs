namespace Helpdesk.Domain.Calendar;

/// <summary>
/// Local dates of instants in a time zone, fast: the local midnights of a span of days are computed once and found by
/// binary search (a million tickets need millions of conversions); instants outside the span fall back to
/// <see cref="TimeZoneInfo"/>.
/// </summary>
public sealed class LocalDays
{
    private readonly TimeZoneInfo _zone;
    private readonly DateOnly _first;
    private readonly long[] _midnightsUtcTicks;

    public LocalDays(TimeZoneInfo zone, DateOnly first, DateOnly last)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
        _first = first;
        var days = last.DayNumber - first.DayNumber + 2;
        _midnightsUtcTicks = new long[days];
        for (var i = 0; i < days; i++)
        {
            _midnightsUtcTicks[i] = ZonedMonth.StartOfDay(first.AddDays(i), zone).UtcTicks;
        }
    }

    public DateOnly DateOf(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        if (ticks < _midnightsUtcTicks[0] || ticks >= _midnightsUtcTicks[^1])
        {
            return ZonedMonth.LocalDate(instant, _zone);
        }

        var i = Array.BinarySearch(_midnightsUtcTicks, ticks);
        return _first.AddDays(i >= 0 ? i : ~i - 1);
    }
}
