using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Penalties;

/// <summary>Turns a measured indicator into its fine. Pure: every input is passed in.</summary>
public static class PenaltyCalculator
{
    /// <summary>Rounds a measured value as the contract compares it (<see cref="InterpretationOptions.PercentDecimals"/>, <see cref="InterpretationOptions.SecondsDecimals"/>).</summary>
    public static decimal Round(decimal value, IndicatorUnit unit, InterpretationOptions options) =>
        Math.Round(value, unit == IndicatorUnit.Percent ? options.PercentDecimals : options.SecondsDecimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The fine of a rate-based rule (per step, achieved-value bands, impact bands) for an already rounded value.
    /// A met target costs nothing. <paramref name="baseValue"/> is the invoice (or channel) value the rate applies to.
    /// </summary>
    public static IndicatorPenalty ForValue(PenaltyRule rule, decimal value, decimal target, Comparison comparison, IndicatorUnit unit, Money baseValue, InterpretationOptions options)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        if (comparison.IsMet(value, target))
        {
            return IndicatorPenalty.None;
        }

        decimal uncapped;
        var impact = Impact.None;
        switch (rule)
        {
            case PerStepRule perStep:
                var higher = comparison.HigherIsBetter();
                var origin = perStep.Origin == ShortfallOrigin.Target ? target : higher ? (unit == IndicatorUnit.Percent ? 100m : decimal.MaxValue) : 0m;
                uncapped = perStep.Uncapped(higher ? origin - value : value - origin);
                break;
            case AchievedValueBandsRule achieved:
                uncapped = achieved.Table.Place(value, options.BandOverlaps, options.BandGaps).Fine.Value;
                break;
            case ImpactBandsRule impactRule:
                var band = impactRule.Table.Place(value, options.BandOverlaps, options.BandGaps);
                uncapped = band.Fine.Value;
                impact = band.Impact;
                break;
            default:
                throw new ArgumentException($"{rule.GetType().Name} is not a rate-based rule; use {nameof(ForLateActivities)}.", nameof(rule));
        }

        var (rate, capped) = rule.ApplyCap(uncapped);
        return new IndicatorPenalty(rate, rate.Of(baseValue), rate.Value == 0m ? Impact.None : impact, capped);
    }

    /// <summary>
    /// Indicator 5: each late activity costs its band's rate of its own value; the sum, capped at the rule's cap of
    /// <paramref name="baseValue"/> when there is one, is reported with its rate of <paramref name="baseValue"/>.
    /// </summary>
    public static IndicatorPenalty ForLateActivities(LatenessBandsRule rule, IEnumerable<LateActivity> late, Money baseValue)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(late);
        var total = Money.Zero;
        foreach (var activity in late)
        {
            if (rule.Table.Containing(activity.HoursLate) is { } band)
            {
                total += band.Fine.Of(activity.Value);
            }
        }

        if (baseValue.Amount == 0m)
        {
            return new IndicatorPenalty(Percent.Zero, total, Impact.None, false);
        }

        var rawRate = Math.Min(100m, total.Amount * 100m / baseValue.Amount);
        var (rate, capped) = rule.ApplyCap(rawRate);
        return capped || rawRate == 100m
            ? new IndicatorPenalty(rate, rate.Of(baseValue), Impact.None, capped)
            : new IndicatorPenalty(rate, total, Impact.None, false);
    }
}
