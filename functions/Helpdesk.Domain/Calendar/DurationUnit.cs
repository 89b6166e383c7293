namespace Helpdesk.Domain.Calendar;

/// <summary>The three ways a support contract or the regulator expresses a deadline.</summary>
public enum DurationUnit
{
    /// <summary>Business days: counting starts the day after receipt; the deadline is the end of the N-th business day.</summary>
    BusinessDays,

    /// <summary>Business hours: only time inside the calendar's business hours runs.</summary>
    BusinessHours,

    /// <summary>Wall-clock hours: every hour runs, nights, weekends and holidays included (e.g. repairs in 24 h).</summary>
    Hours,
}
