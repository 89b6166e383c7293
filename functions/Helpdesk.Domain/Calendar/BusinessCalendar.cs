namespace Helpdesk.Domain.Calendar;

/// <summary>
/// A <see cref="CalendarDefinition"/> compiled for fast arithmetic over a range of years. Every local day of the
/// range is precomputed once: its start as a UTC instant, its business windows as UTC instants (the zone's rules,
/// daylight saving before 2019 included, are applied here and never again), and prefix sums of business time and of
/// business days. Elapsed time is then a difference of two prefix lookups, and a deadline a search in a sorted array:
/// O(1) and O(log n), whatever the length of the target.
/// </summary>
/// <remarks>
/// Local times that do not exist (the hour skipped when daylight saving starts) are moved forward by the length of the
/// gap; local times that occur twice are taken at their first occurrence. Brazil's transitions happened at midnight,
/// so this only ever shifted the start of a day, never a business window.
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>The default first year of the precomputed range.</summary>
    public const int DefaultFirstYear = 2000;

    /// <summary>The default last year of the precomputed range.</summary>
    public const int DefaultLastYear = 2100;

    private readonly DateOnly _firstDay;
    private readonly int _dayCount;
    private readonly long[] _dayStart;            // UTC ticks at which local day i starts; [dayCount] = end of range
    private readonly int[] _firstWindow;          // index of day i's first window; [dayCount] = window count
    private readonly long[] _windowStart;         // UTC ticks
    private readonly long[] _windowEnd;           // UTC ticks
    private readonly long[] _businessTicksBefore; // business ticks from the range start to day i's start
    private readonly int[] _businessDaysBefore;   // business days before day i
    private readonly int[] _offsetMinutes;        // the day's UTC offset, or int.MinValue when it changes within the day

    private BusinessCalendar(
        CalendarDefinition definition, TimeZoneInfo zone, BusinessDayDeadline businessDayDeadline, BusinessDayCountStart countStart, int firstYear, int lastYear)
    {
        Definition = definition;
        Zone = zone;
        BusinessDayDeadline = businessDayDeadline;
        BusinessDayCountStart = countStart;
        _firstDay = new DateOnly(firstYear, 1, 1);
        var lastDay = new DateOnly(lastYear, 12, 31);
        _dayCount = lastDay.DayNumber - _firstDay.DayNumber + 1;
        _dayStart = new long[_dayCount + 1];
        _firstWindow = new int[_dayCount + 1];
        _businessTicksBefore = new long[_dayCount + 1];
        _businessDaysBefore = new int[_dayCount + 1];
        _offsetMinutes = new int[_dayCount];
        var starts = new List<long>(_dayCount * 2);
        var ends = new List<long>(_dayCount * 2);

        for (var i = 0; i <= _dayCount; i++)
        {
            _dayStart[i] = LocalToUtcTicks(zone, _firstDay.AddDays(i).ToDateTime(TimeOnly.MinValue));
        }

        long businessTicks = 0;
        var businessDays = 0;
        for (var i = 0; i < _dayCount; i++)
        {
            var date = _firstDay.AddDays(i);
            _firstWindow[i] = starts.Count;
            _businessTicksBefore[i] = businessTicks;
            _businessDaysBefore[i] = businessDays;
            var dayTicks = 0L;
            foreach (var interval in definition.HoursOn(date))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue);
                var start = LocalToUtcTicks(zone, midnight.AddMinutes(interval.StartMinute));
                var end = interval.EndMinute == BusinessHoursInterval.MinutesPerDay
                    ? _dayStart[i + 1]
                    : LocalToUtcTicks(zone, midnight.AddMinutes(interval.EndMinute));
                if (end <= start)
                {
                    continue; // swallowed whole by a daylight-saving gap
                }

                starts.Add(start);
                ends.Add(end);
                dayTicks += end - start;
            }

            businessTicks += dayTicks;
            if (dayTicks > 0)
            {
                businessDays++;
            }

            var startOffset = zone.GetUtcOffset(new DateTime(_dayStart[i], DateTimeKind.Utc));
            var endOffset = zone.GetUtcOffset(new DateTime(_dayStart[i + 1] - 1, DateTimeKind.Utc));
            _offsetMinutes[i] = startOffset == endOffset ? (int)startOffset.TotalMinutes : int.MinValue;
        }

        _firstWindow[_dayCount] = starts.Count;
        _businessTicksBefore[_dayCount] = businessTicks;
        _businessDaysBefore[_dayCount] = businessDays;
        _windowStart = [.. starts];
        _windowEnd = [.. ends];
    }

    public CalendarDefinition Definition { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Setting: the instant of the last business day at which a business-days deadline falls.</summary>
    public BusinessDayDeadline BusinessDayDeadline { get; }

    /// <summary>Setting: which day is day 1 of a business-days count (default: the day after receipt).</summary>
    public BusinessDayCountStart BusinessDayCountStart { get; }

    /// <summary>The first day of the precomputed range.</summary>
    public DateOnly FirstDay => _firstDay;

    /// <summary>The last day of the precomputed range.</summary>
    public DateOnly LastDay => _firstDay.AddDays(_dayCount - 1);

    /// <summary>
    /// Compiles <paramref name="definition"/> for the years <paramref name="firstYear"/>..<paramref name="lastYear"/>
    /// (default 2000..2100). Instants outside the range are rejected with <see cref="OutsideCalendarRangeException"/>.
    /// </summary>
    public static BusinessCalendar Create(
        CalendarDefinition definition,
        TimeZoneInfo zone,
        BusinessDayDeadline businessDayDeadline = BusinessDayDeadline.EndOfBusinessHours,
        BusinessDayCountStart countStart = BusinessDayCountStart.NextDay,
        int firstYear = DefaultFirstYear,
        int lastYear = DefaultLastYear)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(zone);
        if (firstYear < BrazilianHolidays.FirstSupportedYear || lastYear > 9998 || lastYear < firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(firstYear), $"The range {firstYear}..{lastYear} is not supported; years start at {BrazilianHolidays.FirstSupportedYear}.");
        }

        return new BusinessCalendar(definition, zone, businessDayDeadline, countStart, firstYear, lastYear);
    }

    /// <summary>The local date of an instant in the calendar's zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => _firstDay.AddDays(DayIndex(instant.UtcTicks));

    /// <summary>The instant the local day <paramref name="date"/> starts (its midnight, or the end of a gap at midnight).</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var index = date.DayNumber - _firstDay.DayNumber;
        if (index < 0 || index > _dayCount)
        {
            throw OutOfRange(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return ToInstant(_dayStart[index], Math.Min(index, _dayCount - 1));
    }

    /// <summary>Expresses an instant with the calendar zone's offset (e.g. -03:00 in São Paulo).</summary>
    public DateTimeOffset InZone(DateTimeOffset instant) => ToInstant(instant.UtcTicks, DayIndex(instant.UtcTicks));

    public bool IsBusinessDay(DateOnly date)
    {
        var i = DateIndex(date);
        return _businessDaysBefore[i + 1] != _businessDaysBefore[i];
    }

    /// <summary>The business time of one local day.</summary>
    public TimeSpan BusinessTimeOn(DateOnly date)
    {
        var i = DateIndex(date);
        return new TimeSpan(_businessTicksBefore[i + 1] - _businessTicksBefore[i]);
    }

    /// <summary>
    /// Business time between two instants: positive when <paramref name="to"/> is later, negative when earlier.
    /// Additive: <c>Between(a, b) + Between(b, c) == Between(a, c)</c>.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        new(CumulativeTicks(to.UtcTicks) - CumulativeTicks(from.UtcTicks));

    /// <summary>The first instant at which <paramref name="amount"/> of business time has run since <paramref name="from"/>.</summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset from, TimeSpan amount)
    {
        if (amount < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The business time to add cannot be negative.");
        }

        if (amount == TimeSpan.Zero)
        {
            return InZone(from);
        }

        var fromDay = DayIndex(from.UtcTicks);
        var target = CumulativeTicks(from.UtcTicks, fromDay) + amount.Ticks;
        var day = FirstDayReaching(_businessTicksBefore, target, fromDay);
        var remaining = target - _businessTicksBefore[day];
        for (var w = _firstWindow[day]; w < _firstWindow[day + 1]; w++)
        {
            var length = _windowEnd[w] - _windowStart[w];
            if (remaining <= length)
            {
                return ToInstant(_windowStart[w] + remaining, day);
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Unreachable: the prefix sums and the windows disagree.");
    }

    /// <summary>
    /// The business-days deadline: counting starts the day after <paramref name="from"/>'s local date (Anatel 5.6.4.3 b II;
    /// see <see cref="BusinessDayCountStart"/>);
    /// the deadline is the end of the <paramref name="days"/>-th business day (<see cref="BusinessDayDeadline"/>).
    /// Zero days is <paramref name="from"/> itself.
    /// </summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return InZone(from);
        }

        var day = NthBusinessDayFrom(FirstCountedDay(from.UtcTicks), days);
        return ToInstant(BusinessDayEndTicks(day), day);
    }

    /// <summary>
    /// Whole business days elapsed from <paramref name="from"/> to <paramref name="to"/>: the counted business days
    /// (from the day after <paramref name="from"/>'s date, per <see cref="BusinessDayCountStart"/>) whose deadline instant is at or before <paramref name="to"/>. So
    /// <c>BusinessDaysBetween(a, AddBusinessDays(a, n)) == n</c>, and one tick earlier it is n - 1. Zero when
    /// <paramref name="to"/> is not later than <paramref name="from"/>.
    /// </summary>
    public int BusinessDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var first = FirstCountedDay(from.UtcTicks);
        var last = LastCompletedBusinessDay(to.UtcTicks);
        return last < first ? 0 : _businessDaysBefore[last + 1] - _businessDaysBefore[first];
    }

    /// <summary>
    /// The local date of the <paramref name="days"/>-th counted business day from the instant <paramref name="from"/>:
    /// day 1 as in <see cref="AddBusinessDays(DateTimeOffset, int)"/> (per <see cref="BusinessDayCountStart"/>), so the
    /// day-level windows (SCM14) count exactly as the SLA clocks do. Zero days is <paramref name="from"/>'s local date.
    /// </summary>
    public DateOnly NthBusinessDay(DateTimeOffset from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return days == 0 ? LocalDate(from) : DateOfIndex(NthBusinessDayFrom(FirstCountedDay(from.UtcTicks), days));
    }

    /// <summary>
    /// The <paramref name="days"/>-th counted business day from the date <paramref name="from"/> (a closing or a
    /// submission date: justification windows). Day 1 is the day after <paramref name="from"/>, or, with
    /// <see cref="BusinessDayCountStart.ReceiptDay"/>, <paramref name="from"/> itself when it is a business day (a date
    /// has no instant, so the whole day counts). Zero days is <paramref name="from"/>.
    /// </summary>
    public DateOnly NthBusinessDay(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return days == 0 ? from : DateOfIndex(NthBusinessDayFrom(FirstCountedDay(from), days));
    }

    /// <summary>
    /// The counted business days from the instant <paramref name="from"/> (day 1 per <see cref="BusinessDayCountStart"/>)
    /// up to and including the local date <paramref name="through"/>; 0 when <paramref name="through"/> is before day 1.
    /// </summary>
    public int BusinessDaysThrough(DateTimeOffset from, DateOnly through) =>
        BusinessDaysIn(FirstCountedDay(from.UtcTicks), DateIndex(through));

    /// <summary>The deadline of a target counted from <paramref name="from"/>, in the target's unit.</summary>
    public DateTimeOffset Deadline(DateTimeOffset from, BusinessDuration target) => target.Unit switch
    {
        DurationUnit.BusinessDays => AddBusinessDays(from, target.Days),
        DurationUnit.BusinessHours => AddBusinessTime(from, target.Time),
        _ => InZone(from + target.Time),
    };

    /// <summary>The amount elapsed from <paramref name="from"/> to <paramref name="to"/> in <paramref name="unit"/> (zero when <paramref name="to"/> is earlier).</summary>
    public BusinessDuration Elapsed(DateTimeOffset from, DateTimeOffset to, DurationUnit unit)
    {
        if (to <= from)
        {
            return BusinessDuration.Zero(unit);
        }

        return unit switch
        {
            DurationUnit.BusinessDays => BusinessDuration.BusinessDays(BusinessDaysBetween(from, to)),
            DurationUnit.BusinessHours => BusinessDuration.BusinessHours(BusinessTimeBetween(from, to)),
            _ => BusinessDuration.Hours(to - from),
        };
    }

    // ---- day-level primitives, for the SLA clocks (pauses counted in whole days) ----

    /// <summary>The index of the local day containing <paramref name="utcTicks"/>.</summary>
    internal int DayIndex(long utcTicks)
    {
        if (utcTicks < _dayStart[0] || utcTicks >= _dayStart[_dayCount])
        {
            throw OutOfRange(new DateTime(utcTicks, DateTimeKind.Utc).ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        }

        var i = (int)Math.Clamp((utcTicks - _dayStart[0]) / TimeSpan.TicksPerDay, 0, _dayCount - 1);
        while (_dayStart[i] > utcTicks)
        {
            i--;
        }

        while (_dayStart[i + 1] <= utcTicks)
        {
            i++;
        }

        return i;
    }

    internal int DayCount => _dayCount;

    /// <summary>Day 1 of a business-days count starting on the date <paramref name="date"/>, per <see cref="BusinessDayCountStart"/>.</summary>
    internal int FirstCountedDay(DateOnly date)
    {
        var day = DateIndex(date);
        return BusinessDayCountStart == BusinessDayCountStart.ReceiptDay && IsBusinessDayIndex(day) ? day : day + 1;
    }

    /// <summary>Day 1 of a business-days count starting at <paramref name="utcTicks"/>, per <see cref="BusinessDayCountStart"/>.</summary>
    internal int FirstCountedDay(long utcTicks)
    {
        var day = DayIndex(utcTicks);
        return BusinessDayCountStart == BusinessDayCountStart.ReceiptDay && IsBusinessDayIndex(day) && BusinessDayEndTicks(day) > utcTicks
            ? day
            : day + 1;
    }

    internal DateOnly DateOfIndex(int day) => _firstDay.AddDays(day);

    internal int DateIndex(DateOnly date)
    {
        var i = date.DayNumber - _firstDay.DayNumber;
        return i < 0 || i >= _dayCount ? throw OutOfRange(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) : i;
    }

    internal bool IsBusinessDayIndex(int day) => _businessDaysBefore[day + 1] != _businessDaysBefore[day];

    /// <summary>Business days in the day range [<paramref name="first"/>, <paramref name="last"/>] (0 when empty), clamped to the range.</summary>
    internal int BusinessDaysIn(int first, int last)
    {
        first = Math.Max(first, 0);
        last = Math.Min(last, _dayCount - 1);
        return last < first ? 0 : _businessDaysBefore[last + 1] - _businessDaysBefore[first];
    }

    /// <summary>The index of the <paramref name="n"/>-th business day (n &gt;= 1) counting from day <paramref name="first"/> inclusive.</summary>
    internal int NthBusinessDayFrom(int first, int n)
    {
        if (first >= _dayCount)
        {
            throw OutOfRange("day " + _firstDay.AddDays(first).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var target = _businessDaysBefore[first] + n;
        return FirstDayReaching(_businessDaysBefore, target, first);
    }

    /// <summary>UTC ticks of a business day's deadline instant, per <see cref="BusinessDayDeadline"/>.</summary>
    internal long BusinessDayEndTicks(int day) =>
        BusinessDayDeadline == BusinessDayDeadline.EndOfDay || _firstWindow[day + 1] == _firstWindow[day]
            ? _dayStart[day + 1]
            : _windowEnd[_firstWindow[day + 1] - 1];

    /// <summary>The last business day whose deadline instant is at or before <paramref name="utcTicks"/> (may be -1).</summary>
    internal int LastCompletedBusinessDay(long utcTicks)
    {
        var day = DayIndex(utcTicks);
        return IsBusinessDayIndex(day) && BusinessDayEndTicks(day) <= utcTicks ? day : day - 1;
    }

    internal DateTimeOffset ToInstant(long utcTicks, int dayHint)
    {
        var offsetMinutes = _offsetMinutes[dayHint];
        var offset = offsetMinutes != int.MinValue
            ? TimeSpan.FromMinutes(offsetMinutes)
            : Zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }

    /// <summary>Business ticks from the start of the range to <paramref name="utcTicks"/>.</summary>
    private long CumulativeTicks(long utcTicks) => CumulativeTicks(utcTicks, DayIndex(utcTicks));

    private long CumulativeTicks(long utcTicks, int day)
    {
        var total = _businessTicksBefore[day];
        for (var w = _firstWindow[day]; w < _firstWindow[day + 1]; w++)
        {
            if (utcTicks >= _windowEnd[w])
            {
                total += _windowEnd[w] - _windowStart[w];
            }
            else
            {
                if (utcTicks > _windowStart[w])
                {
                    total += utcTicks - _windowStart[w];
                }

                break;
            }
        }

        return total;
    }

    /// <summary>
    /// The day d &gt;= <paramref name="from"/> with <c>prefix[d] &lt; target &lt;= prefix[d + 1]</c>, by galloping then
    /// binary search over the prefix sums (which never decrease).
    /// </summary>
    private int FirstDayReaching<T>(T[] prefix, T target, int from)
        where T : System.Numerics.INumber<T>
    {
        // Smallest k in (from, dayCount] with prefix[k] >= target; the answer is k - 1.
        var lo = from + 1;
        if (lo > _dayCount || prefix[_dayCount] < target)
        {
            throw OutOfRange("the deadline");
        }

        var step = 1;
        var hi = lo;
        while (prefix[hi] < target)
        {
            lo = hi + 1;
            hi = Math.Min(hi + step, _dayCount);
            step <<= 1;
        }

        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (prefix[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return hi - 1;
    }

    private OutsideCalendarRangeException OutOfRange(string what) =>
        new($"{what} is outside the calendar's range {FirstDay:yyyy-MM-dd}..{LastDay:yyyy-MM-dd}.");

    /// <summary>
    /// The UTC instant of a local wall time: a time skipped by a daylight-saving gap moves forward by the gap,
    /// a time that occurs twice is taken at its first occurrence.
    /// </summary>
    internal static long LocalToUtcTicks(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-6));
            return (local - before).Ticks;
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return (local - offsets.Max()).Ticks;
        }

        return (local - zone.GetUtcOffset(local)).Ticks;
    }
}
