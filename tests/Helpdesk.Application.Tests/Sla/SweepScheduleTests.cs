using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tests.Tickets;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tests.Sla;

/// <summary>
/// The deadline sweep's rules on the built-in contract. Timeline of the incident × high ticket (São Paulo, Tue 24 Nov 2026):
/// <code>
///  08:59 received ── 15:23 at risk (80 %) ── 16:59 due ── 18:00 close ······ Wed 08:00 opens
/// </code>
/// </summary>
public class SweepScheduleTests
{
    private static readonly TicketClocks Clocks = new(DefaultContract.Definition);
    private static readonly TimeSpan SaoPaulo = TimeSpan.FromHours(-3);

    private static Ticket Incident()
    {
        var t = TicketBuilder.InStatus(TicketStatus.Open);
        t.Classify("incident", "high", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(10));
        return t;
    }

    private static SweepAction Decide(Ticket t, DateTimeOffset now) =>
        SweepSchedule.Decide(t, Clocks.For(t), now, Clocks.EscalationHorizon(now, DeadlineSweep.Interval));

    private static DateTimeOffset Local(int day, int hour, int minute, int second = 0) => new(2026, 11, day, hour, minute, second, SaoPaulo);

    [Fact]
    public void Before_the_at_risk_point_nothing_is_done_and_the_ticket_is_due_for_a_look_at_that_point()
    {
        var t = Incident();
        var deadline = Clocks.For(t);

        Assert.True(Decide(t, Local(24, 10, 0)).IsNothing);
        Assert.Equal(new SweepTimes(deadline.AtRiskAt, deadline.DueAt), SweepSchedule.Next(t, deadline));
    }

    [Fact]
    public void At_risk_warns_once_and_then_only_the_level_1_deadline_is_left_to_watch()
    {
        var t = Incident();
        var deadline = Clocks.For(t);
        var now = Local(24, 15, 30);

        var action = Decide(t, now);
        Assert.Equal(new SweepAction(false, DeadlineStage.AtRisk, deadline.DueAt), action);

        Assert.True(t.AlertDeadline(action.Stage, action.DueAt!.Value, DeadlineSweep.Sweeper, now));
        Assert.True(Decide(t, now).IsNothing);
        Assert.False(t.AlertDeadline(DeadlineStage.AtRisk, deadline.DueAt!.Value, DeadlineSweep.Sweeper, now));
        Assert.Equal(new SweepTimes(null, deadline.DueAt), SweepSchedule.Next(t, Clocks.For(t)));
    }

    [Fact]
    public void A_level_1_ticket_past_its_deadline_is_escalated()
    {
        var action = Decide(Incident(), Local(24, 17, 0));

        Assert.True(action.Escalate);
        Assert.Equal(DeadlineStage.Breached, action.Stage);
    }

    [Fact]
    public void A_level_2_breach_warns_once_and_then_nothing_is_left_to_watch()
    {
        var t = Incident();
        t.Escalate(TicketBuilder.Systems, "Erro no banco", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(20));
        var now = Local(24, 17, 5);

        var action = Decide(t, now);
        Assert.Equal(new SweepAction(false, DeadlineStage.Breached, Clocks.For(t).DueAt), action);

        t.AlertDeadline(action.Stage, action.DueAt!.Value, DeadlineSweep.Sweeper, now);
        Assert.True(Decide(t, now.AddSeconds(30)).IsNothing);
        Assert.Equal(SweepTimes.None, SweepSchedule.Next(t, Clocks.For(t)));
    }

    [Fact]
    public void A_new_deadline_after_reclassification_can_be_alerted_again()
    {
        var t = Incident();
        var now = Local(24, 15, 30);
        t.AlertDeadline(DeadlineStage.AtRisk, Clocks.For(t).DueAt!.Value, DeadlineSweep.Sweeper, now);

        t.Classify("incident", "normal", TicketBuilder.Agent, now.AddMinutes(1));

        Assert.NotNull(SweepSchedule.Next(t, Clocks.For(t)).WarnAt);
    }

    [Fact]
    public void Tickets_without_a_running_clock_are_never_looked_at()
    {
        var pending = Incident();
        pending.SetPendingOnRequester("print", TicketBuilder.Agent, TicketBuilder.T0.AddHours(1));

        Assert.Equal(SweepTimes.None, SweepSchedule.Next(pending, Clocks.For(pending)));
        Assert.True(Decide(pending, Local(25, 17, 0)).IsNothing);
    }

    [Fact]
    public void An_unclassified_ticket_is_swept_against_the_contracts_default_target()
    {
        var unclassified = TicketBuilder.InStatus(TicketStatus.Open);

        var next = SweepSchedule.Next(unclassified, Clocks.For(unclassified));

        // 5 business days from the next day: due Tue 01/12 18:00 São Paulo, escalated by level 1's sweep then.
        Assert.NotNull(next.WarnAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 21, 0, 0, TimeSpan.Zero), next.EscalateAt);
    }

    public static TheoryData<DateTimeOffset, DateTimeOffset> Horizons => new()
    {
        // inside business hours: no lookahead
        { Local(24, 10, 0), Local(24, 10, 0) },
        // the last sweep before the 18:00 close looks ahead to just after Wednesday's opening
        { Local(24, 17, 59, 30), Local(25, 8, 0, 30) },
        // at night, and on a weekend, to the next opening
        { Local(24, 23, 0), Local(25, 8, 1) },
        { Local(28, 12, 0), Local(30, 8, 1) },
    };

    [Theory]
    [MemberData(nameof(Horizons))]
    public void The_escalation_horizon_reaches_past_the_hours_without_business_time(DateTimeOffset now, DateTimeOffset expected) =>
        Assert.Equal(expected, Clocks.EscalationHorizon(now, DeadlineSweep.Interval));

    [Fact]
    public void A_wall_clock_deadline_that_falls_after_the_close_is_escalated_by_the_last_sweep_before_it()
    {
        // A repair request e-mailed at 19:00 on Tuesday: 24 wall-clock hours, due Wednesday 18:59, after the close.
        var received = Local(24, 19, 0);
        var t = Ticket.Register(new TicketId(Guid.NewGuid()), ProtocolNumber.Create(2026, 900), new NewTicket("Sem rede", "Caiu.", EmailAddress.Parse("rui@ifsp.edu.br"), "Rui", Channel.Email, received), received);
        t.Classify("repair", "normal", TicketBuilder.Agent, received.AddMinutes(1));

        Assert.False(Decide(t, Local(25, 17, 0)).Escalate); // at risk since 14:12, but level 2 is still reachable at the next sweeps
        var atClose = Decide(t, Local(25, 17, 59, 30));
        Assert.True(atClose.Escalate);
        Assert.Equal(DeadlineStage.AtRisk, atClose.Stage); // not breached yet: escalated ahead of the night
    }
}
