using Helpdesk.Domain.Calendar;

namespace Helpdesk.Benchmarks.Calendar;

/// <summary>
/// The straightforward day-by-day walk over a <see cref="CalendarDefinition"/>: for every local day, ask the definition
/// for its hours and convert each window to an instant with the zone. Slow but obviously right: it is the reference the
/// tests compare <see cref="BusinessCalendar"/> with, and the baseline the benchmark measures it against.
/// Same conventions: counting of business days starts per <see cref="BusinessDayCountStart"/>, the deadline is the end of the N-th business day,
/// a local time skipped by daylight saving moves forward by the gap, a repeated one is taken at its first occurrence.
/// </summary>
public sealed class NaiveCalendarWalk(
    CalendarDefinition definition,
    TimeZoneInfo zone,
    BusinessDayDeadline businessDayDeadline = BusinessDayDeadline.EndOfBusinessHours,
    BusinessDayCountStart countStart = BusinessDayCountStart.NextDay)
{
    private const int MaxDays = 50 * 366;

    public DateTimeOffset AddBusinessTime(DateTimeOffset from, TimeSpan amount)
    {
        var remaining = amount.Ticks;
        if (remaining == 0)
        {
            return TimeZoneInfo.ConvertTime(from, zone);
        }

        var date = LocalDate(from);
        for (var n = 0; n < MaxDays; n++, date = date.AddDays(1))
        {
            foreach (var (start, end) in Windows(date))
            {
                var s = Math.Max(start, from.UtcTicks);
                if (end <= s)
                {
                    continue;
                }

                if (remaining <= end - s)
                {
                    return ToZone(s + remaining);
                }

                remaining -= end - s;
            }
        }

        throw new InvalidOperationException("No deadline within 50 years.");
    }

    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        long total = 0;
        for (var date = LocalDate(from); date <= LocalDate(to); date = date.AddDays(1))
        {
            foreach (var (start, end) in Windows(date))
            {
                var s = Math.Max(start, from.UtcTicks);
                var e = Math.Min(end, to.UtcTicks);
                if (e > s)
                {
                    total += e - s;
                }
            }
        }

        return new TimeSpan(total);
    }

    public DateTimeOffset AddBusinessDays(DateTimeOffset from, int days)
    {
        if (days == 0)
        {
            return TimeZoneInfo.ConvertTime(from, zone);
        }

        var date = FirstCountedDate(from);
        var counted = 0;
        for (var n = 0; n < MaxDays; n++, date = date.AddDays(1))
        {
            var windows = Windows(date);
            if (windows.Count > 0 && ++counted == days)
            {
                return ToZone(DayEnd(date, windows));
            }
        }

        throw new InvalidOperationException("No deadline within 50 years.");
    }

    public int BusinessDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var count = 0;
        for (var date = FirstCountedDate(from); date <= LocalDate(to); date = date.AddDays(1))
        {
            var windows = Windows(date);
            if (windows.Count > 0 && DayEnd(date, windows) <= to.UtcTicks)
            {
                count++;
            }
        }

        return count;
    }

    private DateOnly FirstCountedDate(DateTimeOffset from)
    {
        var date = LocalDate(from);
        var windows = Windows(date);
        return countStart == BusinessDayCountStart.ReceiptDay && windows.Count > 0 && DayEnd(date, windows) > from.UtcTicks ? date : date.AddDays(1);
    }

    private long DayEnd(DateOnly date, List<(long Start, long End)> windows) =>
        businessDayDeadline == BusinessDayDeadline.EndOfDay ? LocalToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue)) : windows[^1].End;

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private DateTimeOffset ToZone(long utcTicks) => TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), zone);

    private List<(long Start, long End)> Windows(DateOnly date)
    {
        var result = new List<(long, long)>();
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        foreach (var interval in definition.HoursOn(date))
        {
            var start = LocalToUtc(midnight.AddMinutes(interval.StartMinute));
            var end = LocalToUtc(midnight.AddMinutes(interval.EndMinute));
            if (end > start)
            {
                result.Add((start, end));
            }
        }

        return result;
    }

    private long LocalToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return (local - zone.GetUtcOffset(local.AddHours(-6))).Ticks;
        }

        if (zone.IsAmbiguousTime(local))
        {
            return (local - zone.GetAmbiguousTimeOffsets(local).Max()).Ticks;
        }

        return (local - zone.GetUtcOffset(local)).Ticks;
    }
}
