namespace Helpdesk.Domain.Calendar;

/// <summary>
/// Business hours for each day of the week: a sorted list of non-overlapping intervals per weekday
/// (possibly split, e.g. 08:00-12:00 and 14:00-18:00). A weekday with no interval is closed.
/// </summary>
public sealed class WeeklyBusinessHours
{
    private readonly IReadOnlyList<BusinessHoursInterval>[] _byDay;

    private WeeklyBusinessHours(IReadOnlyList<BusinessHoursInterval>[] byDay) => _byDay = byDay;

    /// <summary>08:00-18:00 Monday to Friday: the default when a contract says nothing more precise.</summary>
    public static WeeklyBusinessHours MondayToFriday8To18 { get; } = Build(day =>
        day is DayOfWeek.Saturday or DayOfWeek.Sunday ? [] : [BusinessHoursInterval.Create(8 * 60, 18 * 60)]);

    public IReadOnlyList<BusinessHoursInterval> On(DayOfWeek day) => _byDay[(int)day];

    /// <summary>
    /// Builds the week from one list per weekday. Throws <see cref="ArgumentException"/> when a day's intervals
    /// are unsorted or overlap (touching intervals, 08:00-12:00 and 12:00-14:00, are allowed).
    /// </summary>
    public static WeeklyBusinessHours Build(Func<DayOfWeek, IReadOnlyList<BusinessHoursInterval>> hoursOf)
    {
        ArgumentNullException.ThrowIfNull(hoursOf);
        var byDay = new IReadOnlyList<BusinessHoursInterval>[7];
        for (var d = 0; d < 7; d++)
        {
            var list = hoursOf((DayOfWeek)d).ToArray();
            var error = CheckOrder(list);
            if (error is not null)
            {
                throw new ArgumentException($"{(DayOfWeek)d}: {error}", nameof(hoursOf));
            }

            byDay[d] = list;
        }

        return new WeeklyBusinessHours(byDay);
    }

    /// <summary>Null when the intervals are sorted and do not overlap; otherwise what is wrong.</summary>
    public static string? CheckOrder(IReadOnlyList<BusinessHoursInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        for (var i = 1; i < intervals.Count; i++)
        {
            if (intervals[i].StartMinute < intervals[i - 1].EndMinute)
            {
                return $"interval {intervals[i]} starts before the previous one ({intervals[i - 1]}) ends; list intervals in order without overlap.";
            }
        }

        return null;
    }
}
