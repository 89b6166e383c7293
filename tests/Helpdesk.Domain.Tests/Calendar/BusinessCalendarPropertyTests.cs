using CsCheck;
using Helpdesk.Benchmarks.Calendar;
using Helpdesk.Domain.Calendar;
using static Helpdesk.Domain.Tests.Calendar.TestCalendars;

namespace Helpdesk.Domain.Tests.Calendar;

/// <summary>
/// Invariants of business time, over random instants from 2016 to 2028 (daylight-saving years included) on the
/// split calendar, and agreement with the naive day-by-day walk.
/// </summary>
public class BusinessCalendarPropertyTests
{
    private static readonly long FirstTick = At("2016-01-01T00:00:00-02:00").UtcTicks;
    private static readonly long LastTick = At("2028-01-01T00:00:00-03:00").UtcTicks;

    /// <summary>Instants on whole minutes (so that business-hour boundaries are often hit exactly) or on any tick.</summary>
    private static readonly Gen<DateTimeOffset> Instant = Gen.OneOf(
        Gen.Long[FirstTick / TimeSpan.TicksPerMinute, LastTick / TimeSpan.TicksPerMinute].Select(m => new DateTimeOffset(m * TimeSpan.TicksPerMinute, TimeSpan.Zero)),
        Gen.Long[FirstTick, LastTick].Select(t => new DateTimeOffset(t, TimeSpan.Zero)));

    private static readonly Gen<TimeSpan> Span = Gen.OneOf(
        Gen.Int[0, 200 * 60].Select(m => TimeSpan.FromMinutes(m)),
        Gen.Long[0, TimeSpan.FromDays(40).Ticks].Select(t => new TimeSpan(t)));

    private static readonly NaiveCalendarWalk Naive = new(SplitDefinition, SaoPaulo);

    [Fact]
    public void Elapsed_business_time_is_additive()
    {
        Gen.Select(Instant, Instant, Instant).Sample((a, b, c) =>
            Split.BusinessTimeBetween(a, b) + Split.BusinessTimeBetween(b, c) == Split.BusinessTimeBetween(a, c));
    }

    [Fact]
    public void Elapsed_business_time_is_monotonic()
    {
        Gen.Select(Instant, Span, Span).Sample((a, s1, s2) =>
        {
            var b = a + (s1 < s2 ? s1 : s2);
            var c = a + (s1 < s2 ? s2 : s1);
            return Split.BusinessTimeBetween(a, b) <= Split.BusinessTimeBetween(a, c) && Split.BusinessTimeBetween(a, b) >= TimeSpan.Zero;
        });
    }

    [Fact]
    public void The_deadline_of_N_business_hours_is_the_first_instant_whose_elapsed_time_is_N()
    {
        Gen.Select(Instant, Span).Where((_, n) => n > TimeSpan.Zero).Sample((a, n) =>
        {
            var due = Split.AddBusinessTime(a, n);
            return Split.BusinessTimeBetween(a, due) == n && Split.BusinessTimeBetween(a, due.AddTicks(-1)) < n;
        });
    }

    [Fact]
    public void The_deadline_of_N_business_days_is_the_first_instant_whose_elapsed_days_are_N()
    {
        Gen.Select(Instant, Gen.Int[1, 60]).Sample((a, n) =>
        {
            var due = Split.AddBusinessDays(a, n);
            return Split.BusinessDaysBetween(a, due) == n && Split.BusinessDaysBetween(a, due.AddTicks(-1)) == n - 1;
        });
    }

    [Fact]
    public void Elapsed_business_days_never_decrease()
    {
        Gen.Select(Instant, Span, Span).Sample((a, s1, s2) =>
            Split.BusinessDaysBetween(a, a + (s1 < s2 ? s1 : s2)) <= Split.BusinessDaysBetween(a, a + (s1 < s2 ? s2 : s1)));
    }

    [Fact]
    public void Agrees_with_the_naive_walk_when_the_receipt_day_counts()
    {
        var fast = BusinessCalendar.Create(SplitDefinition, SaoPaulo, BusinessDayDeadline.EndOfDay, BusinessDayCountStart.ReceiptDay, 2015, 2030);
        var naive = new NaiveCalendarWalk(SplitDefinition, SaoPaulo, BusinessDayDeadline.EndOfDay, BusinessDayCountStart.ReceiptDay);
        Gen.Select(Instant, Span, Gen.Int[0, 45]).Sample((a, span, days) =>
        {
            Assert.Equal(naive.AddBusinessDays(a, days), fast.AddBusinessDays(a, days));
            Assert.Equal(naive.BusinessDaysBetween(a, a + span), fast.BusinessDaysBetween(a, a + span));
        }, iter: 1000);
    }

    [Fact]
    public void Agrees_with_the_naive_day_by_day_walk()
    {
        Gen.Select(Instant, Span, Gen.Int[0, 45]).Sample((a, span, days) =>
        {
            var b = a + span;
            Assert.Equal(Naive.BusinessTimeBetween(a, b), Split.BusinessTimeBetween(a, b));
            Assert.Equal(Naive.AddBusinessTime(a, span), Split.AddBusinessTime(a, span));
            Assert.Equal(Naive.AddBusinessDays(a, days), Split.AddBusinessDays(a, days));
            Assert.Equal(Naive.BusinessDaysBetween(a, b), Split.BusinessDaysBetween(a, b));
            Assert.Equal(Naive.AddBusinessTime(a, span).Offset, Split.AddBusinessTime(a, span).Offset);
        }, iter: 2000);
    }
}
