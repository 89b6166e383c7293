using CsCheck;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Sla;
using static Helpdesk.Domain.Tests.Calendar.TestCalendars;

namespace Helpdesk.Domain.Tests.Sla;

public class SuspendedCountingTests
{
    [Fact]
    public void A_pause_across_a_holiday_stops_business_hours_until_it_ends()
    {
        // Thu 2 Apr 09:00 ==3h== 12:00 [pause ... Fri 3 Good Friday, weekend ... Mon 6 10:00] ==5h== 15:00
        var due = SuspendedCounting.Deadline(Default, ClockSettings.Default, At("2026-04-02T09:00:00-03:00"),
            BusinessDuration.BusinessHours(TimeSpan.FromHours(8)),
            [PauseInterval.Closed(At("2026-04-02T12:00:00-03:00"), At("2026-04-06T10:00:00-03:00"))]);

        Assert.Equal(At("2026-04-06T15:00:00-03:00"), due);
    }

    public static TheoryData<bool, bool, string> PauseDaySettings => new()
    {
        // Mon 30 Mar receipt | Tue 31 = 1 | Wed 1 = 2 | Thu 2 pause 11:00 | Fri 3 Good Friday | Mon 6 solved 15:00 | Tue 7 | Wed 8 | Thu 9
        // start day counts, resume next day:  Thu = 3, Tue = 4, Wed = 5
        { true, true, "2026-04-08T18:00:00-03:00" },
        // start day does not count:           Tue = 3, Wed = 4, Thu = 5
        { false, true, "2026-04-09T18:00:00-03:00" },
        // resume on the day of the solution:  Thu = 3, Mon = 4, Tue = 5
        { true, false, "2026-04-07T18:00:00-03:00" },
    };

    [Theory]
    [MemberData(nameof(PauseDaySettings))]
    public void Business_days_pause_by_whole_days_per_the_settings(bool pauseStartDayCounts, bool resumeOnNextDay, string expected)
    {
        var settings = ClockSettings.Default with { PauseStartDayCounts = pauseStartDayCounts, ResumeOnNextDay = resumeOnNextDay };
        var start = At("2026-03-30T10:00:00-03:00");
        PauseInterval[] pauses = [PauseInterval.Closed(At("2026-04-02T11:00:00-03:00"), At("2026-04-06T15:00:00-03:00"))];

        var due = SuspendedCounting.Deadline(Default, settings, start, BusinessDuration.BusinessDays(5), pauses);

        Assert.Equal(At(expected), due);
        Assert.Equal(5, SuspendedCounting.Elapsed(Default, settings, start, due!.Value, DurationUnit.BusinessDays, pauses).Days);
        Assert.Equal(4, SuspendedCounting.Elapsed(Default, settings, start, due.Value.AddTicks(-1), DurationUnit.BusinessDays, pauses).Days);
    }

    [Fact]
    public void An_open_pause_before_the_target_leaves_no_deadline()
    {
        var due = SuspendedCounting.Deadline(Default, ClockSettings.Default, At("2026-03-10T09:00:00-03:00"),
            BusinessDuration.Hours(TimeSpan.FromHours(24)), [PauseInterval.Open(At("2026-03-10T12:00:00-03:00"))]);

        Assert.Null(due);
    }

    [Fact]
    public void Overlapping_pauses_count_once()
    {
        // 09:00 ==1h== 10:00 [pause 10:00-12:00 and 11:00-13:00 = 10:00-13:00] 13:00 ==1h== 14:00
        var due = SuspendedCounting.Deadline(Default, ClockSettings.Default, At("2026-03-10T09:00:00-03:00"),
            BusinessDuration.BusinessHours(TimeSpan.FromHours(2)),
            [PauseInterval.Closed(At("2026-03-10T11:00:00-03:00"), At("2026-03-10T13:00:00-03:00")),
             PauseInterval.Closed(At("2026-03-10T10:00:00-03:00"), At("2026-03-10T12:00:00-03:00"))]);

        Assert.Equal(At("2026-03-10T14:00:00-03:00"), due);
    }

    private static readonly long First = At("2024-01-01T00:00:00-03:00").UtcTicks;
    private static readonly long Last = At("2027-01-01T00:00:00-03:00").UtcTicks;

    private static readonly Gen<BusinessDuration> Target = Gen.OneOf(
        Gen.Int[1, 30].Select(BusinessDuration.BusinessDays),
        Gen.Int[1, 300].Select(h => BusinessDuration.BusinessHours(TimeSpan.FromMinutes(h * 17))),
        Gen.Int[1, 300].Select(h => BusinessDuration.Hours(TimeSpan.FromMinutes(h * 13))));

    private static readonly Gen<PauseInterval[]> Pauses =
        Gen.Select(Gen.Long[0, TimeSpan.FromDays(30).Ticks], Gen.Long[0, TimeSpan.FromDays(6).Ticks]).Array[0, 4]
            .Select(list => list.Select(p => (p.Item1, p.Item2)).ToArray())
            .Select(list => list.Select(p => PauseInterval.Closed(new DateTimeOffset(First, TimeSpan.Zero).AddTicks(p.Item1), new DateTimeOffset(First, TimeSpan.Zero).AddTicks(p.Item1 + p.Item2))).ToArray());

    [Fact]
    public void With_pauses_the_deadline_is_still_the_first_instant_whose_elapsed_amount_is_the_target()
    {
        var settings = Gen.Select(Gen.Bool, Gen.Bool).Select((a, b) => ClockSettings.Default with { PauseStartDayCounts = a, ResumeOnNextDay = b });
        Gen.Select(Gen.Long[First, First + TimeSpan.FromDays(20).Ticks], Target, Pauses, settings, Gen.Bool).Sample((startTicks, target, pauses, s, receiptDay) =>
        {
            var calendar = receiptDay ? SplitReceiptDay : Split;
            var start = new DateTimeOffset(startTicks, TimeSpan.Zero);
            var shifted = pauses.Select(p => PauseInterval.Closed(p.From.AddDays(20), p.To!.Value.AddDays(20))).ToArray();
            var due = SuspendedCounting.Deadline(calendar, s, start, target, shifted);
            Assert.NotNull(due);
            Assert.Equal(target, SuspendedCounting.Elapsed(calendar, s, start, due.Value, target.Unit, shifted));
            if (!target.IsZero && due.Value > start)
            {
                Assert.NotEqual(target, SuspendedCounting.Elapsed(calendar, s, start, due.Value.AddTicks(-1), target.Unit, shifted));
            }
        }, iter: 1500);
    }

    [Fact]
    public void Elapsed_with_pauses_never_decreases()
    {
        Gen.Select(Gen.Long[First, Last - TimeSpan.FromDays(90).Ticks], Gen.Long[0, TimeSpan.FromDays(60).Ticks], Gen.Long[0, TimeSpan.FromDays(60).Ticks], Pauses, Gen.Enum<DurationUnit>())
            .Sample((startTicks, d1, d2, pauses, unit) =>
            {
                var start = new DateTimeOffset(startTicks, TimeSpan.Zero);
                var early = SuspendedCounting.Elapsed(Split, ClockSettings.Default, start, start.AddTicks(Math.Min(d1, d2)), unit, pauses);
                var late = SuspendedCounting.Elapsed(Split, ClockSettings.Default, start, start.AddTicks(Math.Max(d1, d2)), unit, pauses);
                return early.Amount <= late.Amount;
            });
    }
}
