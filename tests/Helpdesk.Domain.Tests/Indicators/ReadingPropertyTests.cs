using CsCheck;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using static Helpdesk.Domain.Tests.Indicators.Tickets;

namespace Helpdesk.Domain.Tests.Indicators;

/// <summary>
/// The readings of the annex (ADR-025, amending ADR-010), over random months of tickets and call-centre intervals in the
/// stabilization period: the plain-words defaults never fine less than ADR-010's readings, and each alternative setting
/// changes only the figures it names.
/// </summary>
public class ReadingPropertyTests
{
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);

    /// <summary>A half hour of the call centre: calls, chats around the 600 s TMAchat target, some unavailability.</summary>
    private static readonly Gen<CallCentreInterval> IntervalGen =
        Gen.Select(Gen.Int[1, 28], Gen.Int[8, 17], Gen.Int[1, 200], Gen.Int[0, 100], Gen.Int[1, 40], Gen.Int[560, 700], Gen.Int[0, 900])
            .Select((day, hour, offered, fastShare, chats, chatSeconds, unavailable) =>
            {
                var within = offered * fastShare / 100;
                return new CallCentreInterval
                {
                    Start = At(3, day, hour),
                    Offered = offered,
                    Answered = offered,
                    AnsweredWithin20Seconds = within,
                    AnsweredWithin30Seconds = within,
                    RoutedToHuman = offered,
                    WaitSeconds = offered * (100 - fastShare) / 2m,
                    HandlingSeconds = offered * 300m,
                    IvrCalls = offered,
                    IvrRetained = offered * fastShare / 400,
                    BotDemands = chats,
                    BotResolved = chats * fastShare / 100,
                    ChatDemands = chats,
                    ChatResolved = chats * fastShare / 100,
                    Chats = chats,
                    ChatHandlingSeconds = chats * (decimal)chatSeconds,
                    UnavailableSeconds = unavailable,
                };
            });

    private static readonly Gen<(ExportedTicket[] Tickets, CallCentreInterval[] Calls)> MonthGen =
        Gen.Select(AssessmentPropertyTests.TicketGen.Array[1, 40], IntervalGen.Array[1, 12]);

    /// <summary>The built-in contract, in its first 90 days (contract start 15/02/2026), so stabilization matters.</summary>
    private static AssessmentContract PlainWords => DefaultAssessmentContract.Contract with { ContractStart = new DateOnly(2026, 2, 15) };

    private static AssessmentContract WithIndicator(AssessmentContract c, string id, Func<IndicatorDefinition, IndicatorDefinition> change) =>
        c with { Indicators = [.. c.Indicators.Select(i => i.Id == id ? change(i) : i)] };

    private static AssessmentContract TmaChatAtMost(AssessmentContract c) => WithIndicator(c, "TMAchat", i => i with { Comparison = Comparison.AtMost });

    private static AssessmentContract SixFromTarget(AssessmentContract c) =>
        WithIndicator(c, "6", i => i with { Penalty = i.Penalty is PerStepRule p ? new PerStepRule(p.FinePerStep, p.Step, p.PartialPoints, ShortfallOrigin.Target) { Cap = p.Cap } : i.Penalty });

    private static AssessmentContract WaivePenalties(AssessmentContract c) => c with { Stabilization = c.Stabilization with { Policy = StabilizationPolicy.WaivePenalties } };

    private static AssessmentContract Rounded(AssessmentContract c) => c with { Options = c.Options with { TargetComparison = TargetComparison.Rounded } };

    private static AssessmentContract OneProportional(AssessmentContract c) =>
        WithIndicator(c, "1", i => i with { Penalty = i.Penalty is PerStepRule p ? new PerStepRule(p.FinePerStep, p.Step, PartialPoints.Proportional, p.Origin) { Cap = p.Cap } : i.Penalty });

    private static MonthlyAssessment Assess(AssessmentContract contract, ExportedTicket[] tickets, CallCentreInterval[] calls) =>
        MonthlyAssessor.Assess(contract, new AssessmentInput(March, tickets) { CallIntervals = calls, Invoice = Money.Brl(1_000_000m) });

    [Fact]
    public void The_plain_words_never_fine_less_than_adr_010s_readings_of_tmachat_indicator_6_and_stabilization()
    {
        MonthGen.Sample((tickets, calls) =>
        {
            var adr010 = WaivePenalties(SixFromTarget(TmaChatAtMost(PlainWords)));
            var plain = Assess(PlainWords, tickets, calls);
            var before = Assess(adr010, tickets, calls);
            Assert.True(plain.TotalAmount >= before.TotalAmount, $"{plain.TotalAmount} < {before.TotalAmount}");
            foreach (var row in plain.Indicators)
            {
                Assert.True(row.PenaltyPercent >= before.Indicators.Single(r => r.Id == row.Id).PenaltyPercent, row.Id);
            }
        }, iter: 150);
    }

    /// <summary>For the inclusive targets ("igual ou superior", "inferior ou igual") the exact ratio never meets a target
    /// the rounded value misses. A strict target ("inferior a 600s", TMAchat) is the one exception, and rightly so: 599.6 s
    /// is "inferior a 600s" although it shows as 600 s (the exact reading is the annex's words).</summary>
    [Fact]
    public void The_exact_comparison_never_meets_an_inclusive_target_the_rounded_value_misses()
    {
        var inclusive = PlainWords.Indicators.Where(i => i.Comparison is Comparison.AtLeast or Comparison.AtMost).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        MonthGen.Sample((tickets, calls) =>
        {
            var exact = Assess(PlainWords, tickets, calls);
            var rounded = Assess(Rounded(PlainWords), tickets, calls);
            Assert.Superset(rounded.Outcome.MissedIndicators.Where(inclusive.Contains).ToHashSet(), exact.Outcome.MissedIndicators.Where(inclusive.Contains).ToHashSet());
            Assert.Equal(rounded.Indicators.Select(r => r.Value), exact.Indicators.Select(r => r.Value)); // display is the same
        }, iter: 300);
    }

    [Fact]
    public void A_strict_target_is_met_by_the_exact_value_below_it_even_when_it_shows_rounded_to_the_target()
    {
        // TMAchat: 10 chats handled in 5,996 s = 599.6 s, shown as 600 s; "inferior a 600s" holds for 599.6 s.
        var calls = new[] { new CallCentreInterval { Start = At(3, 2, 9), Chats = 10, ChatHandlingSeconds = 5_996m } };
        var exact = Assess(PlainWords, [], calls).Indicators.Single(r => r.Id == "TMAchat");
        var rounded = Assess(Rounded(PlainWords), [], calls).Indicators.Single(r => r.Id == "TMAchat");

        Assert.Equal((600m, true), (exact.Value, exact.Met));
        Assert.Equal((600m, false), (rounded.Value, rounded.Met));
    }

    public static TheoryData<string, string[]> Alternatives => new()
    {
        { "tmaChatAtMost", ["TMAchat"] },
        { "sixFromTarget", ["6"] },
        { "oneProportional", ["1"] },
    };

    [Theory]
    [MemberData(nameof(Alternatives))]
    public void Each_alternative_changes_only_the_figures_it_names(string alternative, string[] named)
    {
        Func<AssessmentContract, AssessmentContract> change = alternative switch
        {
            "tmaChatAtMost" => TmaChatAtMost,
            "sixFromTarget" => SixFromTarget,
            _ => OneProportional,
        };
        MonthGen.Sample((tickets, calls) =>
        {
            var plain = Assess(PlainWords, tickets, calls);
            var other = Assess(change(PlainWords), tickets, calls);
            foreach (var row in plain.Indicators.Where(r => !named.Contains(r.Id)))
            {
                var twin = other.Indicators.Single(r => r.Id == row.Id);
                Assert.Equal((row.Value, row.Met, row.PenaltyPercent, row.PenaltyAmount, row.Impact), (twin.Value, twin.Met, twin.PenaltyPercent, twin.PenaltyAmount, twin.Impact));
            }

            Assert.Equal(plain.Readings.Count, other.Readings.Count);
            Assert.NotEqual(plain.Readings, other.Readings); // the summary names the reading that changed
        }, iter: 100);
    }

    [Fact]
    public void The_stabilization_alternative_changes_fines_only_never_the_measured_figures()
    {
        MonthGen.Sample((tickets, calls) =>
        {
            var plain = Assess(PlainWords, tickets, calls);
            var waived = Assess(WaivePenalties(PlainWords), tickets, calls);
            Assert.Equal(plain.Indicators.Select(r => (r.Id, r.Value, r.Met)), waived.Indicators.Select(r => (r.Id, r.Value, r.Met)));
            Assert.True(waived.StabilizationWaived);
            Assert.Equal(0m, waived.PenaltyAmount.Amount);
        }, iter: 100);
    }

    [Fact]
    public void The_rounded_alternative_changes_no_displayed_value()
    {
        MonthGen.Sample((tickets, calls) =>
        {
            var plain = Assess(PlainWords, tickets, calls);
            var rounded = Assess(Rounded(PlainWords), tickets, calls);
            Assert.Equal(plain.Indicators.Select(r => (r.Id, r.Value, r.Numerator(), r.Denominator())), rounded.Indicators.Select(r => (r.Id, r.Value, r.Numerator(), r.Denominator())));
        }, iter: 100);
    }
}

internal static class IndicatorResultFigures
{
    public static decimal Numerator(this IndicatorResult r) => r.Measurement.Numerator;

    public static decimal Denominator(this IndicatorResult r) => r.Measurement.Denominator;
}
