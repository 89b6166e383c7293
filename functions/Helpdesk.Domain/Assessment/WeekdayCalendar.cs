namespace Helpdesk.Domain.Assessment;

/// <summary>Monday to Friday, minus the given holidays. The minimal calendar the assessment needs on its own.</summary>
public sealed class WeekdayCalendar(IEnumerable<DateOnly> holidays) : IBusinessDayCalendar
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays];

    public static WeekdayCalendar WithoutHolidays { get; } = new([]);

    public bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
}
