namespace Helpdesk.Domain.Penalties;

/// <summary>Seed 003 3.3: in the first 90 days "as metas definidas poderão ser flexibilizadas por acordo". AMBIGUOUS, a named option.</summary>
public enum StabilizationPolicy
{
    /// <summary>Default: indicators are computed and reported, but no fine applies to a month that starts inside the period.</summary>
    WaivePenalties,

    /// <summary>Targets apply from the first day (the parties agreed no relaxation).</summary>
    ApplyTargets,
}
