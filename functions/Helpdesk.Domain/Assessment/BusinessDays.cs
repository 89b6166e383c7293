namespace Helpdesk.Domain.Assessment;

public static class BusinessDays
{
    /// <summary>
    /// The <paramref name="count"/>-th business day after <paramref name="start"/>: counting starts the day after
    /// (seed 002, 5.6.4.3 b), so 5 business days from Friday 2026-03-06 end on Friday 2026-03-13.
    /// </summary>
    public static DateOnly Add(this IBusinessDayCalendar calendar, DateOnly start, int count)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        for (var n = 0; n < count;)
        {
            day = day.AddDays(1);
            if (calendar.IsBusinessDay(day))
            {
                n++;
            }
        }

        return day;
    }

    /// <summary>Business days after <paramref name="start"/> up to and including <paramref name="end"/> (0 when end ≤ start).</summary>
    public static int Between(this IBusinessDayCalendar calendar, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var n = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (calendar.IsBusinessDay(day))
            {
                n++;
            }
        }

        return n;
    }
}
