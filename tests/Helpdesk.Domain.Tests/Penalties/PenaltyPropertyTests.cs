using CsCheck;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using static Helpdesk.Domain.Tests.Penalties.DefaultRules;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Invariants over random values: fines never exceed their caps, and more compliance never costs more.</summary>
public class PenaltyPropertyTests
{
    private static readonly string[] RateIndicators = ["1", "2", "3", "4", "6", "7", "NS", "TME", "IDS", "TMA", "IRbot", "IRchat", "TMAchat", "IRURA"];

    private static readonly Gen<InterpretationOptions> Options =
        Gen.Select(Gen.Enum<BandResolution>(), Gen.Enum<BandResolution>(), (o, g) => InterpretationOptions.Default with { BandOverlaps = o, BandGaps = g });

    /// <summary>A rounded value in the indicator's unit: 0–100 % with two decimals, or 0–1200 s whole.</summary>
    private static Gen<decimal> ValueFor(string id) =>
        Indicator(id).Unit == IndicatorUnit.Percent ? Gen.Int[0, 10_000].Select(i => i / 100m) : Gen.Int[0, 1_200].Select(i => (decimal)i);

    [Fact]
    public void Default_contract_fines_never_exceed_their_cap_nor_100_percent()
    {
        Gen.Select(Gen.Int[0, RateIndicators.Length - 1].Select(i => RateIndicators[i]), Options).SelectMany((id, o) => ValueFor(id).Select(v => (id, o, v)))
            .Sample(t =>
            {
                var penalty = PenaltyFor(t.id, t.v, t.o);
                var cap = Indicator(t.id).Penalty!.Cap?.Value ?? 100m;
                Assert.InRange(penalty.Rate.Value, 0m, cap);
                Assert.True(penalty.Amount <= Percent.Of(cap).Of(Invoice));
            }, iter: 5_000);
    }

    [Fact]
    public void Default_contract_more_compliance_never_costs_more()
    {
        Gen.Select(Gen.Int[0, RateIndicators.Length - 1].Select(i => RateIndicators[i]), Options).SelectMany((id, o) => Gen.Select(ValueFor(id), ValueFor(id)).Select((a, b) => (id, o, a, b)))
            .Sample(t =>
            {
                var higherBetter = Indicator(t.id).Comparison.HigherIsBetter();
                var (worse, better) = (t.a <= t.b) == higherBetter ? (t.a, t.b) : (t.b, t.a);
                Assert.True(PenaltyFor(t.id, better, t.o).Rate <= PenaltyFor(t.id, worse, t.o).Rate, $"{t.id}: {better} costs more than {worse}");
            }, iter: 5_000);
    }

    [Fact]
    public void Any_per_step_rule_is_capped_and_monotonic()
    {
        var rules = Gen.Select(Gen.Int[1, 200], Gen.Int[1, 400], Gen.Int[-1, 100], Gen.Enum<PartialPoints>(), Gen.Enum<ShortfallOrigin>())
            .Select((fine, step, cap, partial, origin) => new PerStepRule(Percent.Of(fine / 10m), step / 100m, partial, origin) { Cap = cap >= 0 ? Percent.Of(cap) : null });
        Gen.Select(rules, Gen.Int[0, 10_000], Gen.Int[0, 10_000], Gen.Int[0, 10_000])
            .Sample((rule, a, b, target) =>
            {
                var (low, high) = a <= b ? (a / 100m, b / 100m) : (b / 100m, a / 100m);
                var goal = target / 100m;
                var worse = PenaltyCalculator.ForValue(rule, low, goal, Comparison.AtLeast, IndicatorUnit.Percent, Invoice, InterpretationOptions.Default);
                var better = PenaltyCalculator.ForValue(rule, high, goal, Comparison.AtLeast, IndicatorUnit.Percent, Invoice, InterpretationOptions.Default);
                Assert.True(worse.Rate.Value <= (rule.Cap?.Value ?? 100m));
                Assert.True(better.Rate <= worse.Rate);
            }, iter: 5_000);
    }

    [Fact]
    public void Lateness_fines_grow_with_lateness_and_respect_a_cap()
    {
        var rule = (LatenessBandsRule)Indicator("5").Penalty! with { Cap = Percent.Of(10m) };
        var activities = Gen.Select(Gen.Int[1, 100_000], Gen.Int[0, 20_000]).Select((v, h) => new LateActivity("p", Money.Brl(v), h / 100m)).Array[0, 30];
        Gen.Select(activities, Gen.Int[0, 5_000]).Sample((late, extraHours) =>
        {
            var penalty = PenaltyCalculator.ForLateActivities(rule, late, Invoice);
            Assert.True(penalty.Amount <= Percent.Of(10m).Of(Invoice));
            var later = PenaltyCalculator.ForLateActivities(rule, late.Select(a => a with { HoursLate = a.HoursLate + (extraHours / 100m) }).ToArray(), Invoice);
            Assert.True(later.Amount >= penalty.Amount);
        }, iter: 2_000);
    }
}
