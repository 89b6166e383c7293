namespace Helpdesk.Domain.Assessment;

/// <summary>
/// The one question the assessment asks of a calendar. A stand-in until the contract's BusinessCalendar (branch
/// <c>calendar</c>) lands; then an adapter over it replaces <see cref="WeekdayCalendar"/>.
/// </summary>
public interface IBusinessDayCalendar
{
    bool IsBusinessDay(DateOnly day);
}
