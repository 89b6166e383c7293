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

    public static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
