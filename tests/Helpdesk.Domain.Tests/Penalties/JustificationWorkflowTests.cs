using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Tests.Calendar;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>
/// Seed 003 3.8. Timeline (March 2026, weekdays only): closed Fri 06 → supplier's 5th business day Fri 13;
/// justified Tue 10 → manager's 5th business day Tue 17.
/// </summary>
public class JustificationWorkflowTests
{
    private static readonly DateOnly Closed = new(2026, 3, 6);

    private static JustificationOutcome Resolve(string? submitted, string? decision, string? decidedOn, string today) =>
        JustificationWorkflow.Resolve(
            JustificationRules.Default,
            TestCalendars.WeekdaysOnly,
            Closed,
            submitted is null ? null : DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture),
            decision is null ? null : (Enum.Parse<JustificationDecision>(decision), DateOnly.Parse(decidedOn!, System.Globalization.CultureInfo.InvariantCulture)),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(null, null, null, "2026-03-13", PenaltyDisposition.Pending)]          // supplier may still justify on its 5th business day
    [InlineData(null, null, null, "2026-03-16", PenaltyDisposition.Applied)]          // silence of the supplier
    [InlineData("2026-03-16", null, null, "2026-03-30", PenaltyDisposition.Applied)]  // justified too late
    [InlineData("2026-03-13", "Accepted", "2026-03-20", "2026-03-30", PenaltyDisposition.Waived)]
    [InlineData("2026-03-10", "Accepted", "2026-03-12", "2026-03-30", PenaltyDisposition.Waived)]
    [InlineData("2026-03-10", "Rejected", "2026-03-17", "2026-03-30", PenaltyDisposition.Applied)]   // rejected on the last day
    [InlineData("2026-03-10", "Rejected", "2026-03-18", "2026-03-30", PenaltyDisposition.DeferredToNextInvoice)]
    [InlineData("2026-03-10", null, null, "2026-03-17", PenaltyDisposition.Pending)]
    [InlineData("2026-03-10", null, null, "2026-03-18", PenaltyDisposition.TacitlyAccepted)]
    public void Follows_the_annex_windows(string? submitted, string? decision, string? decidedOn, string today, PenaltyDisposition expected)
    {
        Assert.Equal(expected, Resolve(submitted, decision, decidedOn, today).Disposition);
    }

    [Fact]
    public void Deadlines_skip_weekends_and_holidays()
    {
        var calendar = TestCalendars.MondayToFridayWith(BusinessDayCountStart.NextDay, new DateOnly(2026, 3, 9));
        var outcome = JustificationWorkflow.Resolve(JustificationRules.Default, calendar, Closed, new DateOnly(2026, 3, 13), null, new DateOnly(2026, 3, 13));
        Assert.Equal(new DateOnly(2026, 3, 16), outcome.SupplierDeadline);
        Assert.Equal(new DateOnly(2026, 3, 20), outcome.ManagerDeadline);
    }

    [Fact]
    public void Manager_window_may_start_at_the_supplier_deadline()
    {
        var rules = JustificationRules.Default with { ManagerWindowStart = ManagerWindowStart.SupplierDeadline };
        var outcome = JustificationWorkflow.Resolve(rules, TestCalendars.WeekdaysOnly, Closed, new DateOnly(2026, 3, 9), null, new DateOnly(2026, 3, 9));
        Assert.Equal(new DateOnly(2026, 3, 20), outcome.ManagerDeadline);
    }

    [Fact]
    public void Receipt_day_setting_counts_the_closing_day_as_day_1_like_the_clocks()
    {
        // Closed Fri 06 Mar, a business day. NextDay: Mon 09 .. Fri 13 are days 1..5. ReceiptDay: Fri 06 is day 1, so
        // day 5 is Thu 12; justified Tue 10 → the manager's day 1 is Tue 10 itself, day 5 Mon 16.
        var calendar = TestCalendars.MondayToFridayWith(BusinessDayCountStart.ReceiptDay);

        var outcome = JustificationWorkflow.Resolve(JustificationRules.Default, calendar, Closed, new DateOnly(2026, 3, 10), null, new DateOnly(2026, 3, 10));

        Assert.Equal(new DateOnly(2026, 3, 12), outcome.SupplierDeadline);
        Assert.Equal(new DateOnly(2026, 3, 16), outcome.ManagerDeadline);
        Assert.Equal(outcome.SupplierDeadline, calendar.LocalDate(calendar.AddBusinessDays(calendar.StartOf(Closed).AddHours(10), 5)));
    }
}
