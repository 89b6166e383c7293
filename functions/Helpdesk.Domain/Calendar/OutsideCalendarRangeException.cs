namespace Helpdesk.Domain.Calendar;

/// <summary>An instant or date outside the years a <see cref="BusinessCalendar"/> was compiled for.</summary>
public sealed class OutsideCalendarRangeException(string message) : Exception(message);
