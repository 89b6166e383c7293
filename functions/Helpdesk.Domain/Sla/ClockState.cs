namespace Helpdesk.Domain.Sla;

/// <summary>Where a clock stands against its target.</summary>
public enum ClockState
{
    /// <summary>Less than <see cref="ClockSettings.AtRiskThreshold"/> of the target has run.</summary>
    OnTrack,

    /// <summary>At least <see cref="ClockSettings.AtRiskThreshold"/> of the target has run, and the deadline has not passed.</summary>
    AtRisk,

    /// <summary>The deadline has passed (an instant exactly at the deadline is still in time).</summary>
    Breached,
}
