namespace Helpdesk.Domain.Penalties;

/// <summary>How a missed indicator turns into a fine. Variants: <see cref="PerStepRule"/>, <see cref="AchievedValueBandsRule"/>,
/// <see cref="ImpactBandsRule"/>, <see cref="LatenessBandsRule"/>.</summary>
public abstract record PenaltyRule
{
    /// <summary>The most this rule may charge in one month, as a percentage of its base; null when uncapped.</summary>
    public Percent? Cap { get; init; }

    /// <summary>Limits a computed percentage to the cap (and to 100 %).</summary>
    public (Percent Value, bool Capped) ApplyCap(decimal computed)
    {
        var limit = Cap?.Value ?? 100m;
        return computed > limit ? (Percent.Of(limit), true) : (Percent.Of(computed), false);
    }
}
