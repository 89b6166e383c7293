using Helpdesk.Domain.Calendar;
using static Helpdesk.Domain.Tests.Calendar.TestCalendars;

namespace Helpdesk.Domain.Tests.Calendar;

/// <summary>
/// Tables of deadline edge cases on the built-in calendar (Mon-Fri 08:00-18:00, São Paulo, national holidays) unless
/// a case says "split" (08-12 + 14-18 weekdays, 09-13 Saturday, Carnival observed, Jan 25, closed 2026-03-20).
/// Every row also checks the reverse: the elapsed amount at the deadline is the target, and one tick before it is less.
/// </summary>
public class BusinessCalendarEdgeCaseTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // calendar, from, target, expected due, what it shows
        //
        // Tue 10 Mar 2026: 00:00 ....... 08:00 ==== 09:00 ==== 18:00
        //                  from                     due (1 h of business time)
        { "default", "2026-03-10T00:00:00-03:00", "1 business hours", "2026-03-10T09:00:00-03:00", "midnight start waits for opening" },
        // 17:00 ==== 18:00 | closed: the first instant with 1 h elapsed is 18:00 itself, not 08:00 next morning
        { "default", "2026-03-10T17:00:00-03:00", "1 business hours", "2026-03-10T18:00:00-03:00", "deadline exactly at closing" },
        // Fri 17:30 ==== 18:00 | Sat | Sun | Mon 08:00 ==== 08:30
        { "default", "2026-03-13T17:30:00-03:00", "1 business hours", "2026-03-16T08:30:00-03:00", "weekend skipped" },
        // Thu 2 Apr 17:00 ==== 18:00 | Fri 3 Good Friday | Sat | Sun | Mon 6 08:00 ==== 09:00
        { "default", "2026-04-02T17:00:00-03:00", "2 business hours", "2026-04-06T09:00:00-03:00", "holiday eve" },
        // Thu 31 Dec 17:00 ==== 18:00 | Fri 1 Jan | Sat | Sun | Mon 4 Jan 08:00 ==== 09:00
        { "default", "2026-12-31T17:00:00-03:00", "2 business hours", "2027-01-04T09:00:00-03:00", "year end" },
        // Fri 13 Feb 17:00 ==== 18:00 | Sat | Sun | Mon 16 (Carnival, a normal day here) 08:00 ==== 09:00
        { "default", "2026-02-13T17:00:00-03:00", "2 business hours", "2026-02-16T09:00:00-03:00", "optional day not chosen: open" },
        // split: Fri 13 Feb 17:00 == 18:00 | Sat 14 09:00 ==== 10:00 (2 h reached)
        { "split", "2026-02-13T17:00:00-03:00", "2 business hours", "2026-02-14T10:00:00-03:00", "split calendar opens Saturday morning" },
        // split: Sat 14 Feb 12:00 == 13:00 | Sun | Mon 16 + Tue 17 Carnival (chosen) | Wed 18 08:00 == 09:00
        { "split", "2026-02-14T12:00:00-03:00", "2 business hours", "2026-02-18T09:00:00-03:00", "optional day chosen: closed" },
        // split: Tue 10 Mar 11:00 == 12:00 | lunch | 14:00 == 15:00
        { "split", "2026-03-10T11:00:00-03:00", "2 business hours", "2026-03-10T15:00:00-03:00", "lunch break skipped" },
        // split: Thu 19 Mar 17:00 == 18:00 | Fri 20 atypical, closed | Sat 21 09:00 == 10:00
        { "split", "2026-03-19T17:00:00-03:00", "2 business hours", "2026-03-21T10:00:00-03:00", "atypical day closed" },
        // split: Fri 23 Jan 17:00 == 18:00 | Sat 24 09:00 ==== 13:00 (4 h; 5 h total) | Sun 25 (municipal, and Sunday) | Mon 26 08:00 == 09:00
        { "split", "2026-01-23T17:00:00-03:00", "6 business hours", "2026-01-26T09:00:00-03:00", "municipal holiday data" },

        // Business days: day 1 is the day after receipt; the deadline is 18:00 of the N-th business day.
        // Tue 10 (receipt) | Wed 11 = day 1, due 18:00
        { "default", "2026-03-10T10:00:00-03:00", "1 business days", "2026-03-11T18:00:00-03:00", "counting starts the day after" },
        // received 23:59 Tue: still Tuesday's request
        { "default", "2026-03-10T23:59:00-03:00", "1 business days", "2026-03-11T18:00:00-03:00", "received just before midnight" },
        // received 00:00 Wed: Wednesday's request, so day 1 is Thursday
        { "default", "2026-03-11T00:00:00-03:00", "1 business days", "2026-03-12T18:00:00-03:00", "received at midnight" },
        // Sat 14 (receipt) | Sun 15 not a business day | Mon 16 = day 1
        { "default", "2026-03-14T11:00:00-03:00", "1 business days", "2026-03-16T18:00:00-03:00", "received on a weekend" },
        // Mon 20 Apr (receipt) | Tue 21 Tiradentes | Wed 22 = day 1
        { "default", "2026-04-20T10:00:00-03:00", "1 business days", "2026-04-22T18:00:00-03:00", "day after receipt is a holiday" },
        // Mon 28 Dec | 29=1 30=2 31=3 | Fri 1 Jan holiday | Sat | Sun | Mon 4=4 | Tue 5=5
        { "default", "2026-12-28T10:00:00-03:00", "5 business days", "2027-01-05T18:00:00-03:00", "year end, business days" },
        // split: Mon 16 Feb (Carnival, closed) receipt | Tue 17 Carnival | Wed 18 = day 1 (closes at 18:00)
        { "split", "2026-02-16T10:00:00-03:00", "1 business days", "2026-02-18T18:00:00-03:00", "received on a chosen optional day" },
        // split: Fri 13 Mar | Sat 14 = day 1 (Saturday has hours here), due 13:00
        { "split", "2026-03-13T10:00:00-03:00", "1 business days", "2026-03-14T13:00:00-03:00", "Saturday business day ends at its own closing" },

        // Wall-clock hours: every hour runs.
        // Fri 13 Mar 10:00 ------ 24 h ------ Sat 14 Mar 10:00
        { "default", "2026-03-13T10:00:00-03:00", "24 hours", "2026-03-14T10:00:00-03:00", "wall-clock hours run on weekends" },
        // an input in UTC comes back in São Paulo time
        { "default", "2026-03-13T13:00:00+00:00", "2 hours", "2026-03-13T12:00:00-03:00", "result in São Paulo offset" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deadline_and_elapsed_agree_on_each_edge_case(string calendarName, string from, string target, string expected, string what)
    {
        var calendar = calendarName == "split" ? Split : Default;
        Assert.True(BusinessDuration.TryParse(target, out var duration, out _));

        var due = calendar.Deadline(At(from), duration);

        Assert.True(At(expected) == due && At(expected).Offset == due.Offset, $"{what}: expected {expected}, got {due:o}");
        Assert.Equal(duration, calendar.Elapsed(At(from), due, duration.Unit));
        Assert.NotEqual(duration, calendar.Elapsed(At(from), due.AddTicks(-1), duration.Unit));
    }

    [Fact]
    public void End_of_day_setting_moves_business_day_deadlines_to_midnight()
    {
        var calendar = BusinessCalendar.Create(CalendarDefinition.NationalMondayToFriday, SaoPaulo, BusinessDayDeadline.EndOfDay, firstYear: 2025, lastYear: 2027);

        var due = calendar.AddBusinessDays(At("2026-03-10T10:00:00-03:00"), 1);

        Assert.Equal(At("2026-03-12T00:00:00-03:00"), due);
        Assert.Equal(0, calendar.BusinessDaysBetween(At("2026-03-10T10:00:00-03:00"), At("2026-03-11T23:59:59-03:00")));
    }

    [Theory]
    // Tue 10 Mar 10:00 receipt, before closing: Tuesday is day 1
    [InlineData("2026-03-10T10:00:00-03:00", "2026-03-10T18:00:00-03:00")]
    // Tue 10 Mar 18:00 receipt, at closing: Tuesday's deadline instant has come, Wednesday is day 1
    [InlineData("2026-03-10T18:00:00-03:00", "2026-03-11T18:00:00-03:00")]
    // Sat 14 Mar receipt: not a business day, Monday is day 1
    [InlineData("2026-03-14T10:00:00-03:00", "2026-03-16T18:00:00-03:00")]
    public void Receipt_day_setting_counts_the_day_of_receipt_when_it_can(string from, string expected)
    {
        var calendar = BusinessCalendar.Create(CalendarDefinition.NationalMondayToFriday, SaoPaulo, countStart: BusinessDayCountStart.ReceiptDay, firstYear: 2025, lastYear: 2027);

        var due = calendar.AddBusinessDays(At(from), 1);

        Assert.Equal(At(expected), due);
        Assert.Equal(1, calendar.BusinessDaysBetween(At(from), due));
        Assert.Equal(0, calendar.BusinessDaysBetween(At(from), due.AddTicks(-1)));
    }

    [Fact]
    public void Elapsed_business_time_over_a_holiday_week()
    {
        // Mon 30 Mar 08:00 ... Thu 2 Apr 18:00 = 4 days x 10 h; Fri 3 Apr Good Friday; Mon 6 Apr 08:00-10:00 = 2 h
        var elapsed = Default.BusinessTimeBetween(At("2026-03-30T08:00:00-03:00"), At("2026-04-06T10:00:00-03:00"));

        Assert.Equal(TimeSpan.FromHours(42), elapsed);
    }

    [Fact]
    public void Instants_outside_the_compiled_range_are_rejected_clearly()
    {
        var error = Assert.Throws<OutsideCalendarRangeException>(() => Default.AddBusinessDays(At("2031-06-01T10:00:00-03:00"), 1));

        Assert.Contains("2015-01-01..2030-12-31", error.Message, StringComparison.Ordinal);
    }
}
