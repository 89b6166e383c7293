using Helpdesk.Domain.Penalties;
using static Helpdesk.Domain.Tests.Penalties.DefaultRules;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Indicator 5: each late activity pays a share of its own value by hours late: (0,24] 5 %, (24,48] 8 %, (48,72] 12 %, &gt;72 15 %.</summary>
public class LatenessBandEdgeTests
{
    [Theory]
    [InlineData(0.01, 5)]
    [InlineData(24.00, 5)]
    [InlineData(24.01, 8)]
    [InlineData(48.00, 8)]
    [InlineData(48.01, 12)]
    [InlineData(72.00, 12)]
    [InlineData(72.01, 15)]
    [InlineData(500.00, 15)]
    public void Fines_each_activity_by_its_lateness(double hours, int percent)
    {
        var rule = (LatenessBandsRule)Indicator("5").Penalty!;
        var penalty = PenaltyCalculator.ForLateActivities(rule, [new LateActivity("20260000001", Money.Brl(10_000m), (decimal)hours)], Invoice);
        Assert.Equal(10_000m * percent / 100m, penalty.Amount.Amount);
        Assert.Equal(10_000m * percent / 100m * 100m / Invoice.Amount, penalty.Rate.Value);
    }

    [Fact]
    public void An_activity_on_time_is_in_no_band()
    {
        var rule = (LatenessBandsRule)Indicator("5").Penalty!;
        Assert.Null(rule.Table.Containing(0m));
    }

    [Fact]
    public void Fines_of_several_activities_add_up()
    {
        var rule = (LatenessBandsRule)Indicator("5").Penalty!;
        var penalty = PenaltyCalculator.ForLateActivities(
            rule,
            [new LateActivity("a", Money.Brl(1_000m), 1m), new LateActivity("b", Money.Brl(2_000m), 30m), new LateActivity("c", Money.Brl(4_000m), 73m)],
            Invoice);
        Assert.Equal(50m + 160m + 600m, penalty.Amount.Amount);
    }
}
