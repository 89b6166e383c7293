using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Helpdesk.Domain.Tickets;
using static Helpdesk.Domain.Tests.Indicators.Tickets;

namespace Helpdesk.Domain.Tests.Indicators;

public class MonthlyAssessorTests
{
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);

    private static MonthlyAssessment Assess(IEnumerable<ExportedTicket> tickets, AssessmentContract? contract = null, IEnumerable<CallCentreInterval>? calls = null, decimal invoice = 100_000m) =>
        MonthlyAssessor.Assess(contract ?? DefaultAssessmentContract.Contract, new AssessmentInput(March, tickets) { CallIntervals = calls, Invoice = Money.Brl(invoice) });

    private static IndicatorResult Row(MonthlyAssessment a, string id) => a.Indicators.Single(r => r.Id == id);

    [Fact]
    public void Deadlines_met_counts_tickets_resolved_in_the_month_with_their_protocols()
    {
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 2, 9), due: At(3, 3, 18), events: Resolved(At(3, 3, 17))),
            Ticket("20260000002", At(3, 2, 9), due: At(3, 3, 18), events: Resolved(At(3, 3, 19))),
            Ticket("20260000003", At(2, 27, 9), due: At(3, 2, 18), events: Resolved(At(3, 2, 10))),   // received in February, resolved in March
            Ticket("20260000004", At(3, 30, 9), due: At(4, 1, 18), events: Resolved(At(4, 1, 10))),   // resolved in April: not this month
        };
        var row = Row(Assess(tickets), "2");
        Assert.Equal(2m, row.Measurement.Numerator);
        Assert.Equal(3m, row.Measurement.Denominator);
        Assert.Equal(66.67m, row.Value);
        Assert.Equal(["20260000001", "20260000002", "20260000003"], row.Measurement.Evidence);
        Assert.Equal(["20260000001", "20260000003"], row.Measurement.NumeratorEvidence);
        Assert.False(row.Met);
        Assert.Equal(4m, row.PenaltyPercent);           // [55, 70) → 4 %
        Assert.Equal(4_000m, row.PenaltyAmount.Amount);
    }

    [Fact]
    public void Registration_within_seven_minutes_counts_only_non_phone_tickets()
    {
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 2, 9), registeredAfterMinutes: 7),
            Ticket("20260000002", At(3, 2, 9), registeredAfterMinutes: 8),
            Ticket("20260000003", At(3, 2, 9), channel: ExportedChannel.Phone, registeredAfterMinutes: 60),
        };
        var row = Row(Assess(tickets), "4");
        Assert.Equal((1m, 2m), (row.Measurement.Numerator, row.Measurement.Denominator));
        Assert.Equal(30m, row.PenaltyPercent);   // 50 % against 95 %: 45 points, capped at 30 %
        Assert.True(row.Capped);
    }

    [Fact]
    public void Satisfaction_first_contact_and_reopened_complaints()
    {
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 2, 9), kind: TicketKind.Complaint, events: [Resolved(At(3, 2, 10), firstContact: true), Rated(At(3, 2, 11), 8)]),
            Ticket("20260000002", At(3, 2, 9), kind: TicketKind.Complaint, events: [Resolved(At(3, 2, 10)), Reopened(At(3, 3, 9)), Resolved(At(3, 4, 9)), Rated(At(3, 4, 10), 7)]),
            Ticket("20260000003", At(3, 2, 9), events: [Cancelled(At(3, 2, 9, 30))]),
        };
        var a = Assess(tickets);
        Assert.Equal((1m, 2m), (Row(a, "3").Measurement.Numerator, Row(a, "3").Measurement.Denominator));
        Assert.Equal((1m, 2m), (Row(a, "7").Measurement.Numerator, Row(a, "7").Measurement.Denominator));   // the cancelled one is out
        Assert.Equal(["20260000002"], Row(a, "SCM3").Measurement.NumeratorEvidence);
        Assert.Null(Row(a, "SCM3").Met);   // no target in the seeds
    }

    [Fact]
    public void Scm14_counts_five_business_days_from_the_day_after_receipt()
    {
        // Received Friday 06; business days Mon 09 … Fri 13 → the 5th is Friday 13.
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 6, 16), events: Reply(At(3, 13, 17))),
            Ticket("20260000002", At(3, 6, 16), events: Reply(At(3, 16, 9))),
            Ticket("20260000003", At(3, 6, 16), events: Reply(At(3, 24, 9))),   // 12 business days: on the over-10 list
            Ticket("20260000004", At(3, 6, 16), kind: TicketKind.Complaint, events: Reply(At(3, 6, 17))),
        };
        var a = Assess(tickets);
        var row = Row(a, "SCM14");
        Assert.Equal((1m, 3m), (row.Measurement.Numerator, row.Measurement.Denominator));
        Assert.Equal(["20260000003"], a.Management.RepliedAfterTenBusinessDays);
    }

    [Theory]
    // Fri 06 16:00 receipt, before closing. NextDay: Mon 09 … Fri 13 are days 1..5; ReceiptDay: Fri 06 is day 1, Thu 12 day 5.
    //   Fri 06 | Mon 09 | Tue 10 | Wed 11 | Thu 12 | Fri 13
    //   (rcv)     1        2        3        4        5       NextDay
    //     1       2        3        4        5      (late)    ReceiptDay
    [InlineData(BusinessDayCountStart.NextDay, 16, 2)]
    [InlineData(BusinessDayCountStart.ReceiptDay, 16, 1)]
    // Fri 06 19:00 receipt, after Friday's closing: even with ReceiptDay, Monday is day 1 (as on the SLA clocks).
    [InlineData(BusinessDayCountStart.ReceiptDay, 19, 2)]
    public void Scm14_counts_business_days_as_the_sla_clocks_do(BusinessDayCountStart countStart, int receivedHour, int expectedInTime)
    {
        var calendar = Tests.Calendar.TestCalendars.MondayToFridayWith(countStart);
        var received = At(3, 6, receivedHour);
        var tickets = new[]
        {
            Ticket("20260000001", received, events: Reply(At(3, 12, 17))),   // Thu 12
            Ticket("20260000002", received, events: Reply(At(3, 13, 17))),   // Fri 13
            Ticket("20260000003", received, events: Reply(At(3, 20, 17))),   // Fri 20: 10 business days with NextDay, 11 with ReceiptDay
        };

        var a = MonthlyAssessor.Assess(DefaultAssessmentContract.Contract, new AssessmentInput(March, tickets) { Invoice = Money.Brl(100_000m), Calendar = calendar });

        // The SCM14 deadline is the day on which the SLA clock's 5-business-day deadline falls.
        var clockDeadline = calendar.LocalDate(calendar.AddBusinessDays(received, 5));
        Assert.Equal(calendar.NthBusinessDay(received, 5), clockDeadline);
        var row = Row(a, "SCM14");
        Assert.Equal((expectedInTime, 3m), (row.Measurement.Numerator, row.Measurement.Denominator));
        Assert.Equal(
            countStart == BusinessDayCountStart.ReceiptDay && receivedHour < 18 ? ["20260000003"] : [],
            a.Management.RepliedAfterTenBusinessDays);
    }

    [Fact]
    public void Atypical_days_are_left_out_of_indicators_but_not_of_volumes()
    {
        var contract = DefaultAssessmentContract.Contract with { AtypicalDays = [new AtypicalDay(new DateOnly(2026, 3, 10), "queda de energia na região", [])] };
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 9, 9), registeredAfterMinutes: 1),
            Ticket("20260000002", At(3, 10, 9), registeredAfterMinutes: 30),
        };
        var a = Assess(tickets, contract);
        Assert.Equal((1m, 1m), (Row(a, "4").Measurement.Numerator, Row(a, "4").Measurement.Denominator));
        Assert.Equal(2, a.Management.Volumes.Total);
        Assert.Contains(a.Warnings, w => w.StartsWith("atypicalDays", StringComparison.Ordinal));
    }

    [Fact]
    public void Month_boundaries_are_sao_paulo_midnight()
    {
        // 2026-04-01 01:00 UTC is still March 31 in São Paulo.
        var ticket = Ticket("20260000001", new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, Assess([ticket]).Management.Volumes.Total);
    }

    [Fact]
    public void Late_activities_are_fined_on_their_own_value()
    {
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 2, 9), due: At(3, 5, 18), activityValue: 10_000m, events: Resolved(At(3, 6, 19))),   // 25 h late: 8 %
            Ticket("20260000002", At(3, 2, 9), due: At(3, 5, 18), activityValue: 5_000m, events: Resolved(At(3, 5, 17))),
        };
        var row = Row(Assess(tickets), "5");
        Assert.Equal(800m, row.PenaltyAmount.Amount);
        Assert.Equal(0.8m, row.PenaltyPercent);
        Assert.Equal("20260000001", Assert.Single(row.LateActivities).Protocol);
    }

    [Fact]
    public void Call_centre_indicators_come_from_the_intervals_and_fall_on_the_channel_value()
    {
        var contract = DefaultAssessmentContract.Contract with
        {
            Invoice = new InvoiceValues(Money.Brl(100_000m), new Dictionary<string, Money> { ["inboundPhone"] = Money.Brl(40_000m) }),
        };
        var calls = new[]
        {
            new CallCentreInterval { Start = At(3, 2, 9), Offered = 100, Answered = 90, AnsweredWithin20Seconds = 70, AnsweredWithin30Seconds = 80, Abandoned = 10, AbandonedAfter20Seconds = 10, RoutedToHuman = 90, WaitSeconds = 2_250, HandlingSeconds = 27_000 },
        };
        var a = MonthlyAssessor.Assess(contract, new AssessmentInput(March, []) { CallIntervals = calls });
        Assert.Equal(80m, Row(a, "1").Value);     // 80 / 100
        Assert.Equal(70m, Row(a, "NS").Value);    // 70 / (90 + 10)
        Assert.Equal(25m, Row(a, "TME").Value);   // 2250 / 90
        Assert.Equal(300m, Row(a, "TMA").Value);  // 27000 / 90
        Assert.Equal(Impact.Medium, Row(a, "NS").Impact);
        Assert.Equal(1_200m, Row(a, "NS").PenaltyAmount.Amount);   // 3 % of the inbound-phone value
        Assert.Equal(5_000m, Row(a, "1").PenaltyAmount.Amount);    // 5 points below 85 %: 5 % of the invoice
        Assert.Equal(Row(a, "1").PenaltyAmount + Row(a, "NS").PenaltyAmount + Row(a, "TME").PenaltyAmount, a.PenaltyAmount);
    }

    [Theory]
    // 2 of 3 registered in time: 66.666… %, shown as 66.67 %. Against a 66.67 % target the exact ratio misses
    // (the default: rounding is for display only); the rounded value meets it (ADR-010's earlier reading).
    [InlineData("exact", false)]
    [InlineData("rounded", true)]
    public void The_exact_ratio_is_compared_with_the_target_and_rounding_is_for_display(string reading, bool met)
    {
        var four = DefaultAssessmentContract.Contract.Indicators.Single(i => i.Id == "4") with { Target = 66.67m };
        var contract = DefaultAssessmentContract.Contract with
        {
            Indicators = [four],
            Options = DefaultAssessmentContract.Contract.Options with { TargetComparison = reading == "exact" ? TargetComparison.Exact : TargetComparison.Rounded },
        };
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 2, 9)),
            Ticket("20260000002", At(3, 2, 10)),
            Ticket("20260000003", At(3, 2, 11), registeredAfterMinutes: 30),
        };

        var a = Assess(tickets, contract);

        Assert.Equal(66.67m, Row(a, "4").Value);
        Assert.Equal(met, Row(a, "4").Met);
        Assert.Contains(a.Readings, r => r.Setting == "options.targetComparison" && r.Value == reading);
    }

    [Fact]
    public void Stabilization_applies_the_targets_from_the_first_day_by_default()
    {
        var contract = DefaultAssessmentContract.Contract with { ContractStart = new DateOnly(2026, 1, 15) };
        var tickets = new[] { Ticket("20260000001", At(3, 2, 9), registeredAfterMinutes: 30) };
        var a = Assess(tickets, contract);
        Assert.False(a.StabilizationWaived);
        Assert.False(Row(a, "4").Met);
        Assert.True(Row(a, "4").PenaltyPercent > 0m);
        Assert.Contains("4", a.Outcome.MissedIndicators);
        Assert.Contains(a.Readings, r => r.Setting == "stabilization.policy" && r.Value == "applyTargets");
    }

    [Fact]
    public void An_agreed_flexibilization_waives_the_fines_it_names_and_the_summary_cites_it()
    {
        var flexibilization = new Flexibilization(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), "Ofício 12/2026: registro em até 15 min durante a migração", ["4"]);
        var contract = DefaultAssessmentContract.Contract with
        {
            ContractStart = new DateOnly(2026, 1, 15),
            Stabilization = new Stabilization() { Flexibilizations = [flexibilization] },
        };
        var tickets = new[] { Ticket("20260000001", At(3, 2, 9), registeredAfterMinutes: 30) };
        var a = Assess(tickets, contract);
        Assert.False(Row(a, "4").Met);
        Assert.Equal(0m, Row(a, "4").PenaltyPercent);
        Assert.DoesNotContain("4", a.Outcome.MissedIndicators);
        Assert.Contains(a.Readings, r => r.Setting == "stabilization.flexibilizations[0]" && r.Value.Contains("Ofício 12/2026", StringComparison.Ordinal));
        Assert.Contains(a.Warnings, w => w.Contains("Ofício 12/2026", StringComparison.Ordinal));
    }

    [Fact]
    public void Stabilization_waivePenalties_reports_but_does_not_fine()
    {
        var contract = DefaultAssessmentContract.Contract with { ContractStart = new DateOnly(2026, 1, 15), Stabilization = new Stabilization(90, StabilizationPolicy.WaivePenalties) };
        var tickets = new[] { Ticket("20260000001", At(3, 2, 9), registeredAfterMinutes: 30) };
        var a = Assess(tickets, contract);
        Assert.True(a.StabilizationWaived);
        Assert.False(Row(a, "4").Met);
        Assert.Equal(0m, a.PenaltyAmount.Amount);
        Assert.Empty(a.Outcome.MissedIndicators);
    }

    [Fact]
    public void Backlog_holds_what_is_open_at_the_end_of_the_month()
    {
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 2, 9), events: Resolved(At(3, 3, 9))),
            Ticket("20260000002", At(3, 30, 9), events: Resolved(At(4, 2, 9))),
            Ticket("20260000003", At(2, 2, 9), events: [Resolved(At(2, 3, 9)), Reopened(At(3, 5, 9))]),
        };
        var backlog = Assess(tickets).Management.Backlog;
        Assert.Equal(2, backlog.Total);
        Assert.Equal(["20260000002", "20260000003"], backlog.Tallies[Dimension.Uf]["DF"].Protocols);
    }

    [Fact]
    public void Flags_volumes_far_from_the_same_month_last_year()
    {
        var lastYear = Enumerable.Range(1, 40).Select(i => Ticket($"2025{i:D7}", At(3, 2, 9, year: 2025), uf: "SP"));
        var now = Enumerable.Range(1, 60).Select(i => Ticket($"2026{i:D7}", At(3, 2, 9), uf: "SP"));
        var steady = Enumerable.Range(1, 25).Select(i => Ticket($"2025{100 + i:D7}", At(3, 2, 9, year: 2025), uf: "RJ"))
            .Concat(Enumerable.Range(1, 25).Select(i => Ticket($"2026{100 + i:D7}", At(3, 2, 9), uf: "RJ")));
        var anomalies = Assess(lastYear.Concat(now).Concat(steady)).Anomalies;
        var sp = Assert.Single(anomalies, x => x.Dimension == Dimension.Uf && x.Value == "SP" && x.Reference == "previousYear");
        Assert.Equal(50m, sp.ChangePercent);
        Assert.DoesNotContain(anomalies, x => x.Dimension == Dimension.Uf && x.Value == "RJ" && x.Reference == "previousYear");
    }

    [Fact]
    public void Two_missed_months_in_a_row_aggravate_and_only_fined_indicators_count()
    {
        var tickets = new[] { Ticket("20260000001", At(3, 6, 16), registeredAfterMinutes: 30, events: [Reply(At(3, 20, 9)), Resolved(At(3, 20, 10), firstContact: true)]) };
        var february = new MonthOutcome(March.AddMonths(-1), Money.Brl(80_000m), new HashSet<string> { "4", "SCM14" }, []);
        var a = MonthlyAssessor.Assess(DefaultAssessmentContract.Contract, new AssessmentInput(March, tickets) { Invoice = Money.Brl(100_000m), History = [february] });
        Assert.False(a.Indicators.Single(r => r.Id == "SCM14").Met);
        Assert.Equal(["4"], a.Outcome.MissedIndicators.Order());   // SCM14 missed too, but carries no fine
        var aggravation = Assert.Single(a.Aggravations);
        Assert.Equal(900m, aggravation.Amount.Amount);             // 1 % of (80,000 + 100,000) / 2
        Assert.Equal(a.PenaltyAmount + aggravation.Amount, a.TotalAmount);
    }

    [Fact]
    public void Response_times_and_survey_rate_carry_their_numerators()
    {
        var tickets = new[]
        {
            Ticket("20260000001", At(3, 2, 9), events: [Reply(At(3, 2, 9, 10)), Reply(At(3, 2, 10, 10)), Reply(At(3, 2, 12, 10)), Resolved(At(3, 2, 13)), Rated(At(3, 2, 14), 9)]),
            Ticket("20260000002", At(3, 2, 9), events: [Reply(At(3, 2, 9, 30)), Resolved(At(3, 2, 13))]),
        };
        var m = Assess(tickets).Management;
        Assert.Equal((600m + 1_800m, 2m), (m.MeanFirstResponseSeconds.Numerator, m.MeanFirstResponseSeconds.Denominator));
        Assert.Equal(1_200m, m.MeanFirstResponseSeconds.Value);
        Assert.Equal((3_600m + 7_200m, 2m), (m.MeanSecondsBetweenReplies.Numerator, m.MeanSecondsBetweenReplies.Denominator));
        Assert.Equal(["20260000001"], m.MeanSecondsBetweenReplies.Evidence);
        Assert.Equal(50m, m.SurveyResponseRate.Value);
    }
}
