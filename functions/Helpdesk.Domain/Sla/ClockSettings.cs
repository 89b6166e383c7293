namespace Helpdesk.Domain.Sla;

/// <summary>
/// The named answers to the ambiguous points of deadline counting. Defaults follow the regulator's text
/// (Anatel, inspection procedure 5.6.4.3 b) where it speaks, and the reading least favourable to the supplier where it
/// does not. See docs/calendar.md.
/// </summary>
public sealed record ClockSettings
{
    /// <summary>Default: a clock is "at risk" once 80 % of its target has run.</summary>
    public const double DefaultAtRiskThreshold = 0.8;

    /// <summary>Default: 30 calendar days pending on the requester make a request cancellable (5.6.4.3 b V).</summary>
    public const int DefaultPendingCancellationDays = 30;

    public static ClockSettings Default { get; } = new();

    /// <summary>Fraction of the target (0 &lt; x &lt; 1) from which a running clock is <see cref="ClockState.AtRisk"/>. Default 0.8.</summary>
    public double AtRiskThreshold { get; init; } = DefaultAtRiskThreshold;

    /// <summary>
    /// Business days only: whether the local day on which a pause starts still counts as a day of the deadline.
    /// Default true: the regulator grants the supplier the days of the pendency, not the day on which it began.
    /// </summary>
    public bool PauseStartDayCounts { get; init; } = true;

    /// <summary>
    /// Business days only: counting resumes on the day after the solution of the pendency was communicated (5.6.4.3 b IV).
    /// Default true; false resumes on the day of the communication itself.
    /// </summary>
    public bool ResumeOnNextDay { get; init; } = true;

    /// <summary>Calendar days pending on the requester, counted from the day after the last suspension, after which the request is cancellable. Default 30.</summary>
    public int PendingCancellationDays { get; init; } = DefaultPendingCancellationDays;

    /// <summary>The instant of the last business day at which a business-days deadline falls. Default: end of business hours.</summary>
    public Calendar.BusinessDayDeadline BusinessDayDeadline { get; init; } = Calendar.BusinessDayDeadline.EndOfBusinessHours;

    /// <summary>Which day is day 1 of a business-days count. Default: the day after receipt (Anatel 5.6.4.3 b II).</summary>
    public Calendar.BusinessDayCountStart BusinessDayCountStart { get; init; } = Calendar.BusinessDayCountStart.NextDay;

    /// <summary>
    /// Whether the clock is suspended while level 2 has forwarded the ticket to an external team (production support,
    /// development) until the team's return. Default false: neither the regulator (seed 002 suspends only for a pendency
    /// attributable to the requester) nor the ANS annex (seed 003) stops the supplier's deadline for its own hand-offs.
    /// </summary>
    public bool ExternalHandOffSuspendsClock { get; init; }

    /// <summary>Null when the settings are coherent; otherwise what is wrong, naming the setting.</summary>
    public string? Validate()
    {
        if (!(AtRiskThreshold > 0 && AtRiskThreshold < 1))
        {
            return $"{nameof(AtRiskThreshold)} must be between 0 and 1 (exclusive), e.g. 0.8.";
        }

        return PendingCancellationDays < 1 ? $"{nameof(PendingCancellationDays)} must be at least 1." : null;
    }
}
