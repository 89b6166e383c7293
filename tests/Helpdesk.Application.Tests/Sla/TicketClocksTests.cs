using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Sla;
using Helpdesk.Domain.Tests.Tickets;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tests.Sla;

/// <summary>The ticket's clocks read from its history and the built-in contract (incident × high: resolution in 8
/// business hours, Monday–Friday 08:00–18:00 São Paulo).</summary>
public class TicketClocksTests
{
    private static readonly TicketClocks Clocks = new(DefaultContract.Definition);

    // T0 = Tue 24 Nov 2026 12:00 UTC = 09:00 São Paulo; the request arrived a minute earlier.
    private static Ticket Incident()
    {
        var t = TicketBuilder.InStatus(TicketStatus.Open);
        t.Classify("incident", "high", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(10));
        return t;
    }

    [Fact]
    public void An_unclassified_ticket_runs_against_the_contracts_default_target_from_receipt()
    {
        var t = TicketBuilder.InStatus(TicketStatus.Open);

        var reading = Clocks.Read(t, TicketBuilder.T0);
        var deadline = Clocks.For(t);

        // Received Tue 24/11 08:59 São Paulo; 5 business days from the next day: Tue 01/12 at the end of business hours.
        Assert.True(reading.DefaultTarget);
        Assert.Equal("5 business days", reading.ResolutionTarget.Due.ToString());
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 21, 0, 0, TimeSpan.Zero), deadline.DueAt);
        Assert.Equal(deadline.DueAt, reading.Resolution.DueAt);
        Assert.NotNull(deadline.AtRiskAt);
    }

    [Fact]
    public void A_later_classification_replaces_the_default_and_counts_again_from_receipt()
    {
        var t = Incident();

        Assert.False(Clocks.Read(t, TicketBuilder.T0).DefaultTarget);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 19, 59, 0, TimeSpan.Zero), Clocks.For(t).DueAt);
    }

    [Fact]
    public void The_deadline_counts_business_hours_and_becomes_at_risk_at_80_percent()
    {
        var deadline = Clocks.For(Incident());

        // 08:59 + 8 business hours = 16:59 São Paulo (19:59 UTC); 80 % = 6.4 h → 15:23 São Paulo.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 19, 59, 0, TimeSpan.Zero), deadline.DueAt);
        Assert.True(deadline.AtRiskAt > new DateTimeOffset(2026, 11, 24, 18, 22, 0, TimeSpan.Zero));
        Assert.True(deadline.AtRiskAt <= new DateTimeOffset(2026, 11, 24, 18, 24, 0, TimeSpan.Zero));
    }

    [Fact]
    public void While_pending_on_the_requester_the_clock_is_suspended_and_has_no_deadline()
    {
        var t = Incident();
        t.SetPendingOnRequester("print", TicketBuilder.Agent, TicketBuilder.T0.AddHours(1));

        Assert.Equal(TicketDeadline.None, Clocks.For(t));
        Assert.True(Clocks.Read(t, TicketBuilder.T0.AddHours(2))!.Resolution.IsSuspended);
    }

    [Fact]
    public void A_pendency_moves_the_deadline_by_its_business_time()
    {
        var t = Incident();
        t.SetPendingOnRequester("print", TicketBuilder.Agent, TicketBuilder.T0.AddHours(1));
        t.Resume("respondeu", TicketBuilder.Agent, TicketBuilder.T0.AddHours(3));

        // Two business hours of pendency push 16:59 past the 18:00 close: one hour runs today, 59 minutes tomorrow from 08:00.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 59, 0, TimeSpan.FromHours(-3)), Clocks.For(t).DueAt);
    }

    [Fact]
    public void A_resolved_ticket_keeps_its_clock_stopped_at_the_resolution()
    {
        var t = Incident();
        t.Resolve(false, "ok", TicketBuilder.Agent, TicketBuilder.T0.AddHours(2));

        var reading = Clocks.Read(t, TicketBuilder.T0.AddDays(10))!;

        Assert.Equal(ClockState.OnTrack, reading.Resolution.State);
        Assert.Equal(TicketDeadline.None, Clocks.For(t));
    }

    // An escalated incident forwarded to production support at 10:00 São Paulo, returned at 12:00.
    private static Ticket HandedOff(bool returned)
    {
        var t = Incident();
        t.Escalate(TicketBuilder.Systems, "Erro no sistema", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(20));
        t.ForwardToExternalTeam(new Helpdesk.Domain.Catalogue.ExternalTeam("production-support", "Suporte à produção"), "INC-1", "Erro 500", TicketBuilder.Agent, TicketBuilder.T0.AddHours(1));
        if (returned)
        {
            t.RecordExternalReturn("Corrigido", TicketBuilder.Agent, TicketBuilder.T0.AddHours(3));
        }

        return t;
    }

    [Fact]
    public void By_default_the_clock_keeps_running_while_an_external_team_has_the_ticket()
    {
        var t = HandedOff(returned: true);

        Assert.Equal(Clocks.For(Incident()).DueAt, Clocks.For(t).DueAt);
        Assert.False(Clocks.Read(HandedOff(returned: false), TicketBuilder.T0.AddHours(2))!.Resolution.IsSuspended);
    }

    [Fact]
    public void When_the_contract_says_so_a_hand_off_suspends_the_clock_until_the_return()
    {
        var suspending = new TicketClocks(DefaultContract.Definition with
        {
            ClockSettings = DefaultContract.Definition.ClockSettings with { ExternalHandOffSuspendsClock = true },
        });

        var open = suspending.Read(HandedOff(returned: false), TicketBuilder.T0.AddHours(2))!.Resolution;
        Assert.True(open.IsSuspended);
        Assert.Null(open.CancellationDueAt); // only a pendency on the requester makes the request cancellable

        // Two business hours with the external team push 16:59 past the 18:00 close, as a pendency would.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 8, 59, 0, TimeSpan.FromHours(-3)), suspending.For(HandedOff(returned: true)).DueAt);
    }
}
