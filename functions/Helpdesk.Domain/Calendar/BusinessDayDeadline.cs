namespace Helpdesk.Domain.Calendar;

/// <summary>Setting: at which instant of the last business day a business-days deadline falls.</summary>
public enum BusinessDayDeadline
{
    /// <summary>Default: the end of that day's business hours (e.g. 18:00), when the desk stops working.</summary>
    EndOfBusinessHours,

    /// <summary>The end of the calendar day (24:00 local), as a lenient reading of "within N days".</summary>
    EndOfDay,
}
