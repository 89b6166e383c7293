namespace Helpdesk.Domain.Penalties;

/// <summary>How often a long run of misses is charged again.</summary>
public enum AggravationWindows
{
    /// <summary>Default: once per completed bimester / semester of the run (months 2, 4, 6 … and 6, 12 …), as "do bimestre" suggests.</summary>
    NonOverlapping,

    /// <summary>Every month in which the run is at least two (six) months long.</summary>
    Sliding,
}
