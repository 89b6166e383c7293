using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Helpdesk.Domain.Tests.Calendar;
using static Helpdesk.Domain.Tests.Indicators.Tickets;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>
/// Seed 003 3.8 / 3.8.1 applied to a month's figures (ADR-015). Timeline (April 2026, weekdays only, no holidays):
/// March closed Wed 01/04 → supplier's 5th business day Wed 08/04; justified Thu 02/04 → manager's 5th business day
/// Thu 09/04; the day after is Fri 10/04.
/// </summary>
public class SettlementTests
{
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);
    private static readonly AssessmentMonth April = AssessmentMonth.Create(2026, 4);
    private static readonly DateOnly ClosedOn = new(2026, 4, 1);
    private static readonly DateOnly Submitted = new(2026, 4, 2);
    private static readonly DateOnly ManagerLastDay = new(2026, 4, 9);
    private static readonly DateOnly DayAfter = new(2026, 4, 10);

    // One ticket registered 30 minutes after receipt (indicator 4 missed: 30 % cap) and one concluded late (indicator 2 missed).
    private static MonthlyAssessment Assess(AssessmentMonth month, IReadOnlyList<MonthOutcome>? history = null)
    {
        var m = month.Month;
        var tickets = new[]
        {
            Ticket($"{month.Year}{m:D2}00001", At(m, 6, 16), registeredAfterMinutes: 30, events: [Reply(At(m, 6, 17)), Resolved(At(m, 6, 18), firstContact: true)]),
            Ticket($"{month.Year}{m:D2}00002", At(m, 9, 9), due: At(m, 10, 18), events: [Resolved(At(m, 11, 10), firstContact: true)]),
        };
        return MonthlyAssessor.Assess(DefaultAssessmentContract.Contract, new AssessmentInput(month, tickets) { Invoice = Money.Brl(100_000m), History = history ?? [] });
    }

    private static MonthSettlement Settle(MonthlyAssessment a, DateOnly today, params JustificationRecord[] justifications) =>
        Settle(a, today, [], justifications);

    private static MonthSettlement Settle(MonthlyAssessment a, DateOnly today, IReadOnlyList<MonthOutcome> history, params JustificationRecord[] justifications) =>
        SettlementCalculator.Settle(DefaultAssessmentContract.Contract, TestCalendars.WeekdaysOnly, a, new SettlementInput(ClosedOn, today, justifications), history);

    private static Money Amount(MonthlyAssessment a, string id) => a.Indicators.Single(r => r.Id == id).PenaltyAmount;

    private static SettledIndicator Item(MonthSettlement s, string id) => s.Indicators.Single(i => i.Indicator == id);

    [Fact]
    public void The_fixture_misses_two_fined_indicators()
    {
        var a = Assess(March);
        Assert.Equal(["2", "4"], a.Outcome.MissedIndicators.Order(StringComparer.Ordinal));
        Assert.True(Amount(a, "2") > Money.Zero);
        Assert.True(Amount(a, "4") > Money.Zero);
    }

    [Fact]
    public void At_the_closing_every_reduction_is_pending_and_stays_provisionally_on_this_invoice()
    {
        var a = Assess(March);
        var s = Settle(a, ClosedOn);
        Assert.False(s.Final);
        Assert.All(s.Indicators, i => Assert.Equal(PenaltyDisposition.Pending, i.Outcome.Disposition));
        Assert.Equal(a.PenaltyAmount, s.Pending);
        Assert.Equal(a.TotalAmount, s.OnThisInvoice);
        Assert.Equal(new DateOnly(2026, 4, 8), Item(s, "4").Outcome.SupplierDeadline);
    }

    [Theory]
    [InlineData("2026-04-09", PenaltyDisposition.Applied)]               // rejected on the manager's last business day
    [InlineData("2026-04-10", PenaltyDisposition.DeferredToNextInvoice)] // rejected the day after
    public void A_rejection_on_the_last_business_day_stays_and_the_day_after_moves_to_the_next_invoice(string decidedOn, PenaltyDisposition expected)
    {
        var a = Assess(March);
        var on = DateOnly.Parse(decidedOn, System.Globalization.CultureInfo.InvariantCulture);
        var s = Settle(a, DayAfter, new JustificationRecord("4", Submitted, JustificationDecision.Rejected, on));

        var item = Item(s, "4");
        Assert.Equal(expected, item.Outcome.Disposition);
        Assert.Equal(ManagerLastDay, item.Outcome.ManagerDeadline);
        Assert.Equal(PenaltyDisposition.Applied, Item(s, "2").Outcome.Disposition); // never justified, supplier window over
        Assert.True(s.Final);
        if (expected == PenaltyDisposition.Applied)
        {
            Assert.Equal(a.PenaltyAmount, s.OwnOnThisInvoice);
            Assert.Empty(s.Outcome.Deferred);
        }
        else
        {
            Assert.Equal(April, item.DeferredTo);
            Assert.Equal(Amount(a, "4"), s.Deferred);
            Assert.Equal(Amount(a, "2"), s.OwnOnThisInvoice);
            var deferred = Assert.Single(s.Outcome.Deferred);
            Assert.Equal((March, "4", Amount(a, "4"), April), (deferred.From, deferred.Indicator, deferred.Amount, deferred.To));
            Assert.Contains("4", s.Outcome.MissedIndicators); // rejected: still the supplier's miss
        }
    }

    [Theory]
    [InlineData("2026-04-09", PenaltyDisposition.Pending)]          // the manager may still decide on the last business day
    [InlineData("2026-04-10", PenaltyDisposition.TacitlyAccepted)]  // silence: tacit acceptance the day after
    public void Silence_of_the_manager_is_tacit_acceptance_from_the_day_after_the_deadline(string today, PenaltyDisposition expected)
    {
        var a = Assess(March);
        var s = Settle(a, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), new JustificationRecord("4", Submitted));
        Assert.Equal(expected, Item(s, "4").Outcome.Disposition);
        if (expected == PenaltyDisposition.TacitlyAccepted)
        {
            Assert.Equal(Amount(a, "4"), s.Waived);
            Assert.Equal(Amount(a, "2"), s.OwnOnThisInvoice);
            Assert.DoesNotContain("4", s.Outcome.MissedIndicators);
            Assert.True(s.Final);
        }
        else
        {
            Assert.Equal(a.PenaltyAmount, s.OwnOnThisInvoice);
            Assert.False(s.Final);
        }
    }

    [Fact]
    public void An_accepted_justification_waives_the_reduction_and_clears_the_miss_from_aggravation_and_rescission()
    {
        var february = new MonthOutcome(March.AddMonths(-1), Money.Brl(100_000m), new HashSet<string> { "4" }, []);
        var a = Assess(March, [february]);
        Assert.NotEmpty(a.Aggravations); // from the tickets alone, indicator 4 is missed two months running

        var s = Settle(a, DayAfter, [february], new JustificationRecord("4", Submitted, JustificationDecision.Accepted, new DateOnly(2026, 4, 3)));

        Assert.Equal(PenaltyDisposition.Waived, Item(s, "4").Outcome.Disposition);
        Assert.Empty(s.Aggravations);
        Assert.Equal(["2"], s.Outcome.MissedIndicators.Order(StringComparer.Ordinal));
        Assert.Equal(Amount(a, "2"), s.OnThisInvoice);
    }

    [Fact]
    public void A_late_rejection_recorded_two_months_later_goes_to_the_invoice_of_the_month_of_the_decision()
    {
        var a = Assess(March);
        var s = Settle(a, new DateOnly(2026, 5, 20), new JustificationRecord("4", Submitted, JustificationDecision.Rejected, new DateOnly(2026, 5, 20)));
        Assert.Equal(AssessmentMonth.Create(2026, 5), Item(s, "4").DeferredTo); // April was already closed when the decision came
    }

    [Fact]
    public void The_next_month_carries_in_the_deferred_reduction_exactly_once_and_the_month_after_does_not_carry_it_again()
    {
        var march = Assess(March);
        var marchSettled = Settle(march, DayAfter, new JustificationRecord("4", Submitted, JustificationDecision.Rejected, DayAfter));
        var history = new[] { marchSettled.Outcome };

        var april = Assess(April, history);
        var aprilSettled = SettlementCalculator.Settle(
            DefaultAssessmentContract.Contract, TestCalendars.WeekdaysOnly, april, new SettlementInput(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1), []), history);

        var carried = Assert.Single(aprilSettled.CarriedIn);
        Assert.DoesNotContain(aprilSettled.CarriedIn, d => d.From == April);
        Assert.Equal((March, "4"), (carried.From, carried.Indicator));
        Assert.Equal(Amount(march, "4"), aprilSettled.CarriedInAmount);
        Assert.Equal(aprilSettled.OwnOnThisInvoice + aprilSettled.AggravationsAmount + Amount(march, "4"), aprilSettled.OnThisInvoice);

        // May's closing reads the same history: the reduction was April's, it is not carried again.
        var may = AssessmentMonth.Create(2026, 5);
        var maySettled = SettlementCalculator.Settle(
            DefaultAssessmentContract.Contract, TestCalendars.WeekdaysOnly, Assess(may, history), new SettlementInput(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), []), history);
        Assert.Empty(maySettled.CarriedIn);
    }

    [Fact]
    public void A_justification_of_an_indicator_that_was_not_missed_changes_nothing()
    {
        var a = Assess(March);
        var s = Settle(a, DayAfter, new JustificationRecord("7", Submitted, JustificationDecision.Accepted, Submitted));
        Assert.Equal(["2", "4"], s.Indicators.Select(i => i.Indicator));
        Assert.Equal(a.PenaltyAmount, s.OwnOnThisInvoice);
    }

    /// <summary>Every combination of what can happen to the two justifications, judged on 10/04 or later.</summary>
    public static TheoryData<string?, string?> Fates()
    {
        string?[] fates = [null, "none", "accepted", "rejected-in-time", "rejected-late"];
        var data = new TheoryData<string?, string?>();
        foreach (var two in fates)
        {
            foreach (var four in fates)
            {
                data.Add(two, four);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fates))]
    public void Every_missed_reduction_ends_in_exactly_one_place_and_this_invoice_never_carries_more_than_was_assessed(string? two, string? four)
    {
        var a = Assess(March);
        var records = new[] { Record("2", two), Record("4", four) }.OfType<JustificationRecord>().ToArray();
        var s = Settle(a, DayAfter, records);

        Assert.Equal(a.PenaltyAmount, s.Applied + s.Pending + s.Waived + s.Deferred);
        Assert.True(s.OwnOnThisInvoice <= a.PenaltyAmount);
        Assert.Equal(s.Outcome.Deferred.Aggregate(Money.Zero, (sum, d) => sum + d.Amount), s.Deferred);
        Assert.True(s.Final);
    }

    private static JustificationRecord? Record(string indicator, string? fate) => fate switch
    {
        null => null,
        "none" => new JustificationRecord(indicator, Submitted),
        "accepted" => new JustificationRecord(indicator, Submitted, JustificationDecision.Accepted, Submitted),
        "rejected-in-time" => new JustificationRecord(indicator, Submitted, JustificationDecision.Rejected, ManagerLastDay),
        _ => new JustificationRecord(indicator, Submitted, JustificationDecision.Rejected, DayAfter),
    };
}
