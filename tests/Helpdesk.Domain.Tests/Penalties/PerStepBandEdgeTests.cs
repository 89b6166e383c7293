using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using static Helpdesk.Domain.Tests.Penalties.DefaultRules;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Indicators 1, 4, 6 and 7: "x % per step below the target", whole steps by default, capped where the annex caps.</summary>
public class PerStepBandEdgeTests
{
    [Theory]
    //          indicator  value   expected % of the invoice
    [InlineData("1", 85.00, 0.0)]   // target met
    [InlineData("1", 84.99, 0.0)]   // less than one whole point below
    [InlineData("1", 84.00, 1.0)]   // exactly one point
    [InlineData("1", 83.01, 1.0)]
    [InlineData("1", 56.00, 29.0)]
    [InlineData("1", 55.00, 30.0)]  // the cap is reached exactly
    [InlineData("1", 54.00, 30.0)]  // capped
    [InlineData("1", 0.00, 30.0)]
    [InlineData("4", 95.00, 0.0)]
    [InlineData("4", 94.99, 0.0)]
    [InlineData("4", 94.50, 0.0)]   // DOMAIN.md: 94.5 % costs nothing by default
    [InlineData("4", 94.00, 1.0)]
    [InlineData("4", 93.90, 1.0)]   // DOMAIN.md: 93.9 % costs 1 %
    [InlineData("4", 65.00, 30.0)]
    [InlineData("4", 10.00, 30.0)]
    [InlineData("6", 99.00, 0.0)]
    [InlineData("6", 98.51, 1.0)]   // target missed: 1.49 % unavailable = 2 whole steps of 0.5 % ("para cada 0,5% de indisponibilidade")
    [InlineData("6", 98.50, 1.5)]   // 0.5 % per 0.5 % of unavailability, counted from 100 % (origin: ideal, the default)
    [InlineData("6", 98.00, 2.0)]
    [InlineData("6", 90.00, 10.0)]  // no cap in the annex
    [InlineData("7", 70.00, 0.0)]
    [InlineData("7", 69.99, 0.0)]
    [InlineData("7", 69.00, 0.5)]   // 0.5 % per 1 p.p.
    [InlineData("7", 60.00, 5.0)]
    public void Charges_whole_steps_below_the_target_up_to_the_cap(string id, double value, double expected)
    {
        var penalty = PenaltyFor(id, (decimal)value);
        Assert.Equal((decimal)expected, penalty.Rate.Value);
        Assert.Equal(Percent.Of((decimal)expected).Of(Invoice), penalty.Amount);
    }

    [Theory]
    [InlineData(54.00, true)]
    [InlineData(55.00, false)]
    public void Reports_when_the_cap_bit(double value, bool capped)
    {
        Assert.Equal(capped, PenaltyFor("1", (decimal)value).Capped);
    }

    [Theory]
    [InlineData(94.50, 0.5)]
    [InlineData(93.90, 1.1)]
    [InlineData(64.00, 30.0)]
    public void Proportional_partial_points_charge_fractions(double value, double expected)
    {
        var rule = new PerStepRule(Percent.Of(1m), 1m, PartialPoints.Proportional) { Cap = Percent.Of(30m) };
        var penalty = PenaltyCalculator.ForValue(rule, (decimal)value, 95m, Comparison.AtLeast, IndicatorUnit.Percent, Invoice, InterpretationOptions.Default);
        Assert.Equal((decimal)expected, penalty.Rate.Value);
    }

    [Theory]
    [InlineData(99.00, 0.0)]   // target met: nothing, whichever origin
    [InlineData(98.99, 1.0)]   // missed: 1.01 % unavailable = 2 whole half-points counted from 0
    [InlineData(98.50, 1.5)]
    public void Indicator_6_counted_from_zero_when_the_setting_says_so(double value, double expected)
    {
        var rule = new PerStepRule(Percent.Of(0.5m), 0.5m, PartialPoints.WholeStepsOnly, ShortfallOrigin.Ideal);
        var penalty = PenaltyCalculator.ForValue(rule, (decimal)value, 99m, Comparison.AtLeast, IndicatorUnit.Percent, Invoice, InterpretationOptions.Default);
        Assert.Equal((decimal)expected, penalty.Rate.Value);
    }
}
