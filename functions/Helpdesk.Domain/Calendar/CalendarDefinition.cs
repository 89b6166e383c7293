namespace Helpdesk.Domain.Calendar;

/// <summary>
/// A contract's calendar as data: time zone, weekly business hours, the optional days it observes, its extra
/// holidays and atypical days. <see cref="HoursOn"/> answers one day at a time (the plain rule, walked by the
/// reference implementation); <see cref="BusinessCalendar"/> precomputes it for fast arithmetic.
/// </summary>
public sealed class CalendarDefinition
{
    public const string SaoPauloTimeZoneId = "America/Sao_Paulo";

    private readonly Dictionary<DateOnly, AtypicalDay> _atypical;
    private readonly bool[] _optional;

    public CalendarDefinition(
        string timeZoneId,
        WeeklyBusinessHours businessHours,
        IReadOnlyCollection<OptionalDay> optionalDays,
        IReadOnlyList<ExtraHoliday> extraHolidays,
        IReadOnlyList<AtypicalDay> atypicalDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(businessHours);
        ArgumentNullException.ThrowIfNull(optionalDays);
        ArgumentNullException.ThrowIfNull(extraHolidays);
        ArgumentNullException.ThrowIfNull(atypicalDays);
        TimeZoneId = timeZoneId;
        BusinessHours = businessHours;
        OptionalDays = optionalDays.Distinct().Order().ToArray();
        ExtraHolidays = extraHolidays.ToArray();
        AtypicalDays = atypicalDays.OrderBy(a => a.Date).ToArray();
        _optional = new bool[Enum.GetValues<OptionalDay>().Length];
        foreach (var day in OptionalDays)
        {
            _optional[(int)day] = true;
        }

        _atypical = new Dictionary<DateOnly, AtypicalDay>();
        foreach (var day in AtypicalDays)
        {
            if (!_atypical.TryAdd(day.Date, day))
            {
                throw new ArgumentException($"The atypical day {day.Date:yyyy-MM-dd} is listed twice.", nameof(atypicalDays));
            }

            var error = WeeklyBusinessHours.CheckOrder(day.Hours);
            if (error is not null)
            {
                throw new ArgumentException($"Atypical day {day.Date:yyyy-MM-dd}: {error}", nameof(atypicalDays));
            }
        }
    }

    /// <summary>National holidays only, 08:00-18:00 Monday to Friday, São Paulo time: the fallback calendar.</summary>
    public static CalendarDefinition NationalMondayToFriday { get; } =
        new(SaoPauloTimeZoneId, WeeklyBusinessHours.MondayToFriday8To18, [], [], []);

    public string TimeZoneId { get; }

    public WeeklyBusinessHours BusinessHours { get; }

    public IReadOnlyList<OptionalDay> OptionalDays { get; }

    public IReadOnlyList<ExtraHoliday> ExtraHolidays { get; }

    public IReadOnlyList<AtypicalDay> AtypicalDays { get; }

    /// <summary>The holiday on <paramref name="date"/> (national, chosen optional day, or listed), or null.</summary>
    public Holiday? HolidayOn(DateOnly date)
    {
        var national = BrazilianHolidays.NationalOn(date);
        if (national is not null)
        {
            return national;
        }

        if (OptionalDays.Count > 0)
        {
            foreach (var day in OptionalDays)
            {
                if (BrazilianHolidays.DateOf(day, date.Year) == date)
                {
                    return new Holiday(date, BrazilianHolidays.NameOf(day), HolidayKind.OptionalDay);
                }
            }
        }

        foreach (var extra in ExtraHolidays)
        {
            if (extra.FallsOn(date))
            {
                return new Holiday(date, extra.Name, extra.Kind);
            }
        }

        return null;
    }

    public bool Observes(OptionalDay day) => _optional[(int)day];

    /// <summary>
    /// The local business hours of <paramref name="date"/>: an atypical day's own hours, else none on a holiday,
    /// else the weekday's hours.
    /// </summary>
    public IReadOnlyList<BusinessHoursInterval> HoursOn(DateOnly date)
    {
        if (_atypical.TryGetValue(date, out var atypical))
        {
            return atypical.Hours;
        }

        var weekly = BusinessHours.On(date.DayOfWeek);
        return weekly.Count == 0 || HolidayOn(date) is not null ? [] : weekly;
    }
}
