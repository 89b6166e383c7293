namespace Helpdesk.Domain.Calendar;

/// <summary>
/// National holidays of Brazil and the dates of the federal optional days, for any year from 1990 on
/// (every fixed national holiday below already existed in 1990, except Nov 20, national from 2024 by Lei 14.759/2023).
/// </summary>
public static class BrazilianHolidays
{
    /// <summary>The first year for which <see cref="National"/> is correct.</summary>
    public const int FirstSupportedYear = 1990;

    /// <summary>The year Nov 20 (Zumbi e Consciência Negra) became a national holiday.</summary>
    public const int ConsciousnessDayFirstYear = 2024;

    public static IReadOnlyList<Holiday> National(int year)
    {
        CheckYear(year);
        var easter = Easter.Sunday(year);
        var list = new List<Holiday>(10)
        {
            new(new DateOnly(year, 1, 1), "Confraternização Universal", HolidayKind.National),
            new(easter.AddDays(-2), "Sexta-feira da Paixão", HolidayKind.National),
            new(new DateOnly(year, 4, 21), "Tiradentes", HolidayKind.National),
            new(new DateOnly(year, 5, 1), "Dia do Trabalho", HolidayKind.National),
            new(new DateOnly(year, 9, 7), "Independência do Brasil", HolidayKind.National),
            new(new DateOnly(year, 10, 12), "Nossa Senhora Aparecida", HolidayKind.National),
            new(new DateOnly(year, 11, 2), "Finados", HolidayKind.National),
            new(new DateOnly(year, 11, 15), "Proclamação da República", HolidayKind.National),
        };
        if (year >= ConsciousnessDayFirstYear)
        {
            list.Add(new(new DateOnly(year, 11, 20), "Dia Nacional de Zumbi e da Consciência Negra", HolidayKind.National));
        }

        list.Add(new(new DateOnly(year, 12, 25), "Natal", HolidayKind.National));
        list.Sort((x, y) => x.Date.CompareTo(y.Date));
        return list;
    }

    /// <summary>The national holiday on <paramref name="date"/>, or null. Allocation-free except for the result.</summary>
    public static Holiday? NationalOn(DateOnly date)
    {
        CheckYear(date.Year);
        var name = (date.Month, date.Day) switch
        {
            (1, 1) => "Confraternização Universal",
            (4, 21) => "Tiradentes",
            (5, 1) => "Dia do Trabalho",
            (9, 7) => "Independência do Brasil",
            (10, 12) => "Nossa Senhora Aparecida",
            (11, 2) => "Finados",
            (11, 15) => "Proclamação da República",
            (11, 20) when date.Year >= ConsciousnessDayFirstYear => "Dia Nacional de Zumbi e da Consciência Negra",
            (12, 25) => "Natal",
            _ => null,
        };
        if (name is null && date.Month is 3 or 4 && date == Easter.Sunday(date.Year).AddDays(-2))
        {
            name = "Sexta-feira da Paixão";
        }

        return name is null ? null : new Holiday(date, name, HolidayKind.National);
    }

    public static DateOnly DateOf(OptionalDay day, int year)
    {
        var easter = Easter.Sunday(year);
        return day switch
        {
            OptionalDay.CarnivalMonday => easter.AddDays(-48),
            OptionalDay.CarnivalTuesday => easter.AddDays(-47),
            OptionalDay.CorpusChristi => easter.AddDays(60),
            _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Unknown optional day."),
        };
    }

    public static string NameOf(OptionalDay day) => day switch
    {
        OptionalDay.CarnivalMonday => "Carnaval (segunda-feira)",
        OptionalDay.CarnivalTuesday => "Carnaval (terça-feira)",
        OptionalDay.CorpusChristi => "Corpus Christi",
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "Unknown optional day."),
    };

    private static void CheckYear(int year)
    {
        if (year is < FirstSupportedYear or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"National holidays are known from {FirstSupportedYear} on.");
        }
    }
}
