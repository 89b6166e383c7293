using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Assessment;

/// <summary>The contract's <see cref="BusinessCalendar"/> (holidays, optional days, atypical days) as the assessment's business-day calendar.</summary>
public sealed class BusinessCalendarDays(BusinessCalendar calendar) : IBusinessDayCalendar
{
    public bool IsBusinessDay(DateOnly day) => calendar.IsBusinessDay(day);
}
