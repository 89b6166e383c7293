using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Seed 003 4.12 (two consecutive months: 1 % of their average invoice) and 4.13 (a semester: 0.5 % of the sum).</summary>
public class AggravationTests
{
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);

    private static MonthOutcome Month(int monthsBack, decimal invoice, params string[] missed) =>
        new(March.AddMonths(-monthsBack), Money.Brl(invoice), missed.ToHashSet(), []);

    [Fact]
    public void Two_consecutive_months_cost_one_percent_of_their_average_invoice()
    {
        var result = AggravationCalculator.Compute(AggravationRules.Default, [Month(1, 100_000m, "2")], Month(0, 120_000m, "2"));
        var aggravation = Assert.Single(result);
        Assert.Equal("4.12", aggravation.Rule);
        Assert.Equal(110_000m, aggravation.Base.Amount);
        Assert.Equal(1_100m, aggravation.Amount.Amount);
        Assert.Equal(["2"], aggravation.Indicators);
    }

    [Fact]
    public void Different_indicators_make_no_run_by_default_but_do_with_any_indicator_scope()
    {
        MonthOutcome[] history = [Month(1, 100_000m, "2")];
        var current = Month(0, 100_000m, "3");
        Assert.Empty(AggravationCalculator.Compute(AggravationRules.Default, history, current));
        Assert.Single(AggravationCalculator.Compute(AggravationRules.Default with { Scope = AggravationScope.AnyIndicator }, history, current));
    }

    [Fact]
    public void A_gap_in_the_history_breaks_the_run()
    {
        Assert.Empty(AggravationCalculator.Compute(AggravationRules.Default, [Month(2, 100_000m, "1")], Month(0, 100_000m, "1")));
    }

    [Theory]
    [InlineData(1, AggravationWindows.NonOverlapping, "")]
    [InlineData(2, AggravationWindows.NonOverlapping, "4.12")]
    [InlineData(3, AggravationWindows.NonOverlapping, "")]
    [InlineData(3, AggravationWindows.Sliding, "4.12")]
    [InlineData(4, AggravationWindows.NonOverlapping, "4.12")]
    [InlineData(5, AggravationWindows.NonOverlapping, "")]
    [InlineData(6, AggravationWindows.NonOverlapping, "4.12,4.13")]
    [InlineData(7, AggravationWindows.Sliding, "4.12,4.13")]
    public void Runs_are_charged_per_window_setting(int runLength, AggravationWindows windows, string expected)
    {
        var history = Enumerable.Range(1, runLength - 1).Select(k => Month(k, 100_000m, "1")).ToList();
        var result = AggravationCalculator.Compute(AggravationRules.Default with { Windows = windows }, history, Month(0, 100_000m, "1"));
        Assert.Equal(expected, string.Join(",", result.Select(a => a.Rule)));
    }

    [Fact]
    public void A_semester_costs_half_a_percent_of_the_six_invoices()
    {
        var history = Enumerable.Range(1, 5).Select(k => Month(k, 100_000m + k, "7")).ToList();
        var semester = AggravationCalculator.Compute(AggravationRules.Default, history, Month(0, 100_000m, "7")).Single(a => a.Rule == "4.13");
        Assert.Equal(600_015m, semester.Base.Amount);
        Assert.Equal(3_000.075m, semester.Amount.Amount);
    }
}
