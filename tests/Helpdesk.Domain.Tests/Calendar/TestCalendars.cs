using System.Globalization;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Domain.Tests.Calendar;

/// <summary>Calendars shared by the tests (compiled once) and a terse instant parser.</summary>
internal static class TestCalendars
{
    public static TimeZoneInfo SaoPaulo { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    /// <summary>The built-in contract: national holidays, Monday to Friday 08:00-18:00.</summary>
    public static BusinessCalendar Default { get; } = DefaultContract.Definition.BuildCalendar(2015, 2030);

    /// <summary>
    /// A richer contract: split hours (08:00-12:00, 14:00-18:00 Monday to Friday, 09:00-13:00 Saturday), Carnival observed,
    /// São Paulo city's anniversary (Jan 25) and an atypical closed day on 2026-03-20.
    /// </summary>
    public static CalendarDefinition SplitDefinition { get; } = new(
        CalendarDefinition.SaoPauloTimeZoneId,
        WeeklyBusinessHours.Build(day => day switch
        {
            DayOfWeek.Sunday => [],
            DayOfWeek.Saturday => [BusinessHoursInterval.Create(9 * 60, 13 * 60)],
            _ => [BusinessHoursInterval.Create(8 * 60, 12 * 60), BusinessHoursInterval.Create(14 * 60, 18 * 60)],
        }),
        [OptionalDay.CarnivalMonday, OptionalDay.CarnivalTuesday],
        [ExtraHoliday.Annual(1, 25, "Aniversário de São Paulo", HolidayScope.Municipal, "São Paulo/SP")],
        [new AtypicalDay(new DateOnly(2026, 3, 20), "Queda de energia no prédio", [])]);

    public static BusinessCalendar Split { get; } = BusinessCalendar.Create(SplitDefinition, SaoPaulo, firstYear: 2015, lastYear: 2030);

    /// <summary>The split calendar with the receipt day counted as day 1 and business days ending at midnight.</summary>
    public static BusinessCalendar SplitReceiptDay { get; } =
        BusinessCalendar.Create(SplitDefinition, SaoPaulo, BusinessDayDeadline.EndOfDay, BusinessDayCountStart.ReceiptDay, 2015, 2030);

    /// <summary>National holidays, Monday to Friday 08:00-18:00, plus <paramref name="holidays"/> (one-off holidays).</summary>
    public static BusinessCalendar MondayToFridayWith(BusinessDayCountStart countStart, params DateOnly[] holidays) =>
        BusinessCalendar.Create(
            new CalendarDefinition(
                CalendarDefinition.SaoPauloTimeZoneId,
                WeeklyBusinessHours.MondayToFriday8To18,
                [],
                [.. holidays.Select(d => ExtraHoliday.OnDate(d, "Feriado de teste", HolidayScope.Municipal, "Brasília/DF"))],
                []),
            SaoPaulo,
            countStart: countStart,
            firstYear: 2024,
            lastYear: 2028);

    /// <summary>
    /// Monday to Friday 08:00-18:00 with no holiday at all (every national holiday on a weekday reopened as an atypical
    /// day), 2024..2028: the plain weekday timelines drawn in the penalty tests.
    /// </summary>
    public static BusinessCalendar WeekdaysOnly { get; } = BusinessCalendar.Create(
        new CalendarDefinition(
            CalendarDefinition.SaoPauloTimeZoneId,
            WeeklyBusinessHours.MondayToFriday8To18,
            [],
            [],
            [.. Enumerable.Range(0, new DateOnly(2028, 12, 31).DayNumber - new DateOnly(2024, 1, 1).DayNumber + 1)
                .Select(i => new DateOnly(2024, 1, 1).AddDays(i))
                .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && BrazilianHolidays.NationalOn(d) is not null)
                .Select(d => new AtypicalDay(d, "Aberto (teste sem feriados)", [BusinessHoursInterval.Create(8 * 60, 18 * 60)]))]),
        SaoPaulo,
        firstYear: 2024,
        lastYear: 2028);

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
