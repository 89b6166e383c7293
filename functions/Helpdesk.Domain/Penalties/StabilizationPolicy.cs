namespace Helpdesk.Domain.Penalties;

/// <summary>Seed 003 3.3: in the first 90 days "as metas definidas poderão ser flexibilizadas por acordo". AMBIGUOUS, a named option.</summary>
public enum StabilizationPolicy
{
    /// <summary>Default: targets apply from the first day; only an agreed <see cref="Flexibilization"/> relaxes them (3.3 says
    /// "poderão ser flexibilizadas por acordo": an agreement, not an automatic waiver).</summary>
    ApplyTargets,

    /// <summary>ADR-010's earlier reading: indicators are computed and reported, but no fine applies to a month that starts
    /// inside the period.</summary>
    WaivePenalties,
}
