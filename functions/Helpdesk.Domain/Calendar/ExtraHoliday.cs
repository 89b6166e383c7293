namespace Helpdesk.Domain.Calendar;

/// <summary>
/// A state, municipal or contract holiday listed in the contract: either on one <see cref="Date"/>, or every year
/// on <see cref="AnnualMonth"/>/<see cref="AnnualDay"/> (an annual Feb 29 applies only in leap years).
/// <see cref="Place"/> says where it applies (e.g. "SP", "São Paulo/SP"), for people; the calendar applies every listed day.
/// </summary>
public sealed record ExtraHoliday
{
    private ExtraHoliday(DateOnly? date, int annualMonth, int annualDay, string name, HolidayScope scope, string? place)
    {
        Date = date;
        AnnualMonth = annualMonth;
        AnnualDay = annualDay;
        Name = name;
        Scope = scope;
        Place = place;
    }

    public DateOnly? Date { get; }

    public int AnnualMonth { get; }

    public int AnnualDay { get; }

    public string Name { get; }

    public HolidayScope Scope { get; }

    public string? Place { get; }

    public static ExtraHoliday OnDate(DateOnly date, string name, HolidayScope scope, string? place = null) =>
        new(date, 0, 0, CheckName(name), scope, place);

    public static ExtraHoliday Annual(int month, int day, string name, HolidayScope scope, string? place = null)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"{month:D2}-{day:D2} is not a day of the year.");
        }

        return new(null, month, day, CheckName(name), scope, place);
    }

    public bool FallsOn(DateOnly date) =>
        Date is { } d ? d == date : date.Month == AnnualMonth && date.Day == AnnualDay;

    public HolidayKind Kind => Scope switch
    {
        HolidayScope.State => HolidayKind.State,
        HolidayScope.Municipal => HolidayKind.Municipal,
        _ => HolidayKind.Contract,
    };

    private static string CheckName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A holiday needs a name.", nameof(name)) : name;
}
