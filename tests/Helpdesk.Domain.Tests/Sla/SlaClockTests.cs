using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Sla;
using static Helpdesk.Domain.Tests.Calendar.TestCalendars;

namespace Helpdesk.Domain.Tests.Sla;

public class SlaClockTests
{
    private static readonly SlaTarget TenBusinessHours = new(BusinessDuration.BusinessHours(TimeSpan.FromHours(10)));

    // SCM13 repair: 24 h, never over 48 h or 24 h past the time the requester asked for.
    private static readonly SlaTarget Repair = new(
        BusinessDuration.Hours(TimeSpan.FromHours(24)),
        Limit: BusinessDuration.Hours(TimeSpan.FromHours(48)),
        LimitPastRequested: BusinessDuration.Hours(TimeSpan.FromHours(24)));

    private static ClockReading Read(SlaTarget target, string start, string now, PauseInterval[]? pauses = null, string? requested = null) =>
        SlaClock.Read(Default, ClockSettings.Default, At(start), target, pauses ?? [], requested is null ? null : At(requested), At(now));

    [Theory]
    // Tue 10 Mar 08:00 ======= 15:59 (7h59, 79.8 %) | 16:00 (8 h, 80 %) ... 18:00 due (100 %, still in time) | 18:00:01 breached
    [InlineData("2026-03-10T15:59:00-03:00", ClockState.OnTrack)]
    [InlineData("2026-03-10T16:00:00-03:00", ClockState.AtRisk)]
    [InlineData("2026-03-10T18:00:00-03:00", ClockState.AtRisk)]
    [InlineData("2026-03-10T18:00:01-03:00", ClockState.Breached)]
    public void State_follows_the_at_risk_threshold_and_the_deadline(string now, ClockState expected)
    {
        var reading = Read(TenBusinessHours, "2026-03-10T08:00:00-03:00", now);

        Assert.Equal(expected, reading.State);
        Assert.Equal(At("2026-03-10T18:00:00-03:00"), reading.DueAt);
    }

    [Fact]
    public void Elapsed_and_remaining_add_up_to_the_target()
    {
        var reading = Read(TenBusinessHours, "2026-03-10T08:00:00-03:00", "2026-03-10T11:30:00-03:00");

        Assert.Equal(TimeSpan.FromHours(3.5), reading.Elapsed.Time);
        Assert.Equal(TimeSpan.FromHours(6.5), reading.Remaining.Time);
        Assert.Equal(0.35, reading.ElapsedFraction, 6);
    }

    [Fact]
    public void An_open_pause_suspends_the_clock_and_schedules_the_cancellation()
    {
        // pending on the requester from Tue 10 Mar 10:00; day 1 of the 30 is Wed 11 Mar, day 30 is Thu 9 Apr
        PauseInterval[] pauses = [PauseInterval.Open(At("2026-03-10T10:00:00-03:00"))];

        var before = Read(TenBusinessHours, "2026-03-10T08:00:00-03:00", "2026-04-09T23:59:59-03:00", pauses);
        var after = Read(TenBusinessHours, "2026-03-10T08:00:00-03:00", "2026-04-10T00:00:00-03:00", pauses);

        Assert.True(before.IsSuspended);
        Assert.Null(before.DueAt);
        Assert.Equal(TimeSpan.FromHours(2), before.Elapsed.Time);
        Assert.Equal(At("2026-04-10T00:00:00-03:00"), before.CancellationDueAt);
        Assert.False(before.CancellationDue);
        Assert.True(after.CancellationDue);
    }

    [Fact]
    public void A_pause_that_ends_after_now_is_read_as_still_open()
    {
        PauseInterval[] pauses = [PauseInterval.Closed(At("2026-03-10T10:00:00-03:00"), At("2026-03-12T10:00:00-03:00"))];

        var reading = Read(TenBusinessHours, "2026-03-10T08:00:00-03:00", "2026-03-11T10:00:00-03:00", pauses);

        Assert.True(reading.IsSuspended);
        Assert.Null(reading.DueAt);
    }

    [Fact]
    public void A_later_requested_date_replaces_the_deadline_and_moves_the_cap()
    {
        var reading = Read(Repair, "2026-03-10T10:00:00-03:00", "2026-03-12T10:00:00-03:00", requested: "2026-03-13T10:00:00-03:00");

        Assert.True(reading.RequestedDateApplies);
        Assert.Equal(At("2026-03-13T10:00:00-03:00"), reading.DueAt);
        Assert.Equal(At("2026-03-14T10:00:00-03:00"), reading.LimitAt);
        Assert.Equal(ClockState.OnTrack, reading.State); // 48 of 72 hours: two thirds
        Assert.Equal(2.0 / 3, reading.ElapsedFraction, 9);
        Assert.Equal(TimeSpan.FromHours(24), reading.Remaining.Time);
    }

    [Fact]
    public void An_earlier_requested_date_does_not_shorten_the_standard_deadline()
    {
        var reading = Read(Repair, "2026-03-10T10:00:00-03:00", "2026-03-10T12:00:00-03:00", requested: "2026-03-10T20:00:00-03:00");

        Assert.False(reading.RequestedDateApplies);
        Assert.Equal(At("2026-03-11T10:00:00-03:00"), reading.DueAt);
    }

    [Fact]
    public void Without_a_requested_date_the_cap_counts_from_receipt()
    {
        var reading = Read(Repair, "2026-03-10T10:00:00-03:00", "2026-03-12T10:00:01-03:00");

        Assert.Equal(At("2026-03-12T10:00:00-03:00"), reading.LimitAt);
        Assert.True(reading.BeyondLimit);
        Assert.Equal(ClockState.Breached, reading.State);
    }
}
