using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Sla;

/// <summary>
/// Deadline arithmetic with the clock suspended while pending on the requester.
/// <list type="bullet">
/// <item>Hour units (business or wall-clock): the time inside each pause [From, To) does not run; counting resumes at To.</item>
/// <item>Business days: whole days are suspended, from the day the pause starts (or the day after, when
/// <see cref="ClockSettings.PauseStartDayCounts"/>) to the day the solution was communicated (inclusive when
/// <see cref="ClockSettings.ResumeOnNextDay"/>, so counting resumes the day after, Anatel 5.6.4.3 b IV).</item>
/// </list>
/// In every unit <c>Elapsed(Deadline(n)) == n</c> and the elapsed amount is smaller at every earlier instant.
/// </summary>
public static class SuspendedCounting
{
    /// <summary>
    /// The first instant at which <paramref name="target"/> has run since <paramref name="start"/>, pauses excluded;
    /// null when an open pause suspends the clock before the target is reached.
    /// </summary>
    public static DateTimeOffset? Deadline(
        BusinessCalendar calendar, ClockSettings settings, DateTimeOffset start, BusinessDuration target, IEnumerable<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        var normalized = PauseInterval.Normalize(pauses, start);
        if (normalized.Count == 0)
        {
            return calendar.Deadline(start, target);
        }

        return target.Unit == DurationUnit.BusinessDays
            ? DaysDeadline(calendar, settings, start, target.Days, normalized)
            : TimeDeadline(calendar, start, target, normalized);
    }

    /// <summary>The amount run from <paramref name="start"/> to <paramref name="at"/> in <paramref name="unit"/>, pauses excluded.</summary>
    public static BusinessDuration Elapsed(
        BusinessCalendar calendar, ClockSettings settings, DateTimeOffset start, DateTimeOffset at, DurationUnit unit, IEnumerable<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(settings);
        if (at <= start)
        {
            return BusinessDuration.Zero(unit);
        }

        var normalized = PauseInterval.Normalize(pauses, start);
        if (unit != DurationUnit.BusinessDays)
        {
            var time = RunningTime(calendar, start, at, unit, normalized);
            return unit == DurationUnit.BusinessHours ? BusinessDuration.BusinessHours(time) : BusinessDuration.Hours(time);
        }

        var first = calendar.FirstCountedDay(start.UtcTicks);
        var last = calendar.LastCompletedBusinessDay(at.UtcTicks);
        if (last < first)
        {
            return BusinessDuration.BusinessDays(0);
        }

        var count = calendar.BusinessDaysIn(first, last);
        foreach (var (s, e) in SuspendedDays(calendar, settings, normalized))
        {
            count -= calendar.BusinessDaysIn(Math.Max(s, first), Math.Min(e, last));
        }

        return BusinessDuration.BusinessDays(count);
    }

    /// <summary>
    /// Time that ran from <paramref name="start"/> to <paramref name="at"/>, pauses excluded: business time for the business
    /// units, wall-clock time for <see cref="DurationUnit.Hours"/>. Used for the share of a target that has run.
    /// </summary>
    public static TimeSpan RunningTime(BusinessCalendar calendar, DateTimeOffset start, DateTimeOffset at, DurationUnit unit, IEnumerable<PauseInterval> pauses)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (at <= start)
        {
            return TimeSpan.Zero;
        }

        var total = Measure(calendar, unit, start, at);
        foreach (var pause in PauseInterval.Normalize(pauses, start))
        {
            if (pause.From >= at)
            {
                break;
            }

            var end = pause.To is { } to && to < at ? to : at;
            total -= Measure(calendar, unit, pause.From, end);
        }

        return total;
    }

    private static DateTimeOffset? TimeDeadline(BusinessCalendar calendar, DateTimeOffset start, BusinessDuration target, IReadOnlyList<PauseInterval> pauses)
    {
        var remaining = target.Time;
        var cursor = start;
        foreach (var pause in pauses)
        {
            var candidate = Add(calendar, target.Unit, cursor, remaining);
            if (candidate <= pause.From)
            {
                return candidate;
            }

            remaining -= Measure(calendar, target.Unit, cursor, pause.From);
            if (pause.To is not { } resume)
            {
                return null;
            }

            cursor = resume;
        }

        return Add(calendar, target.Unit, cursor, remaining);
    }

    private static DateTimeOffset? DaysDeadline(BusinessCalendar calendar, ClockSettings settings, DateTimeOffset start, int days, IReadOnlyList<PauseInterval> pauses)
    {
        if (days == 0)
        {
            return calendar.InZone(start);
        }

        var cursor = calendar.FirstCountedDay(start.UtcTicks);
        var remaining = days;
        foreach (var (s, e) in SuspendedDays(calendar, settings, pauses))
        {
            if (e < cursor)
            {
                continue;
            }

            var before = calendar.BusinessDaysIn(cursor, s - 1);
            if (before >= remaining)
            {
                break;
            }

            remaining -= before;
            if (e == int.MaxValue)
            {
                return null;
            }

            cursor = Math.Max(cursor, e + 1);
        }

        var day = calendar.NthBusinessDayFrom(cursor, remaining);
        return calendar.ToInstant(calendar.BusinessDayEndTicks(day), day);
    }

    /// <summary>The suspended day ranges [first, last] (last = int.MaxValue for an open pause), sorted and merged.</summary>
    private static List<(int First, int Last)> SuspendedDays(BusinessCalendar calendar, ClockSettings settings, IReadOnlyList<PauseInterval> pauses)
    {
        var ranges = new List<(int First, int Last)>(pauses.Count);
        foreach (var pause in pauses)
        {
            var first = calendar.DayIndex(pause.From.UtcTicks) + (settings.PauseStartDayCounts ? 1 : 0);
            var last = pause.To is { } to ? calendar.DayIndex(to.UtcTicks) - (settings.ResumeOnNextDay ? 0 : 1) : int.MaxValue;
            if (last < first)
            {
                continue;
            }

            if (ranges.Count > 0 && first <= ranges[^1].Last + 1)
            {
                ranges[^1] = (ranges[^1].First, Math.Max(ranges[^1].Last, last));
            }
            else
            {
                ranges.Add((first, last));
            }
        }

        return ranges;
    }

    private static TimeSpan Measure(BusinessCalendar calendar, DurationUnit unit, DateTimeOffset from, DateTimeOffset to) =>
        unit == DurationUnit.Hours ? to - from : calendar.BusinessTimeBetween(from, to);

    private static DateTimeOffset Add(BusinessCalendar calendar, DurationUnit unit, DateTimeOffset from, TimeSpan amount) =>
        unit == DurationUnit.Hours ? calendar.InZone(from + amount) : calendar.AddBusinessTime(from, amount);
}
