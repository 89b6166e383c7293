namespace Helpdesk.Domain.Calendar;

/// <summary>Who declared a holiday that a contract lists as data.</summary>
public enum HolidayScope
{
    State,
    Municipal,
    Contract,
}
