using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tests.Tickets;

/// <summary>Routing an escalation and alerting a deadline happen once per escalation and per stage.</summary>
public class TicketRoutingAndAlertsTests
{
    [Fact]
    public void An_escalation_is_routed_once_and_a_redelivery_changes_nothing()
    {
        var t = TicketBuilder.InStatus(TicketStatus.Open);
        t.Escalate(TicketBuilder.Systems, "Erro no banco", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(10));

        Assert.True(t.RouteEscalation("abc123", TicketBuilder.Network, "regra geral", "bruno", Actor.System, TicketBuilder.T0.AddMinutes(11)));
        Assert.False(t.RouteEscalation("abc123", TicketBuilder.Systems, "regra geral", "carla", Actor.System, TicketBuilder.T0.AddMinutes(12)));

        Assert.Equal("network", t.Group);
        Assert.Equal("bruno", t.Assignee);
        Assert.True(t.WasRouted("abc123"));
        Assert.Single(t.History, e => e.Data.Kind == "escalationRouted");
    }

    [Fact]
    public void A_ticket_that_left_level_2_or_ended_is_not_routed()
    {
        var level1 = TicketBuilder.InStatus(TicketStatus.Open);
        var resolved = TicketBuilder.InStatus(TicketStatus.Resolved);

        Assert.False(level1.RouteEscalation("x1", TicketBuilder.Systems, "regra geral", null, Actor.System, TicketBuilder.T0.AddHours(1)));
        Assert.False(resolved.RouteEscalation("x1", TicketBuilder.Systems, "regra geral", null, Actor.System, TicketBuilder.T0.AddHours(1)));
        Assert.Empty(level1.PendingEvents);
    }

    [Fact]
    public void A_later_stage_covers_the_earlier_and_each_is_recorded_once_per_deadline()
    {
        var t = TicketBuilder.InStatus(TicketStatus.Open);
        var due = TicketBuilder.T0.AddHours(8);

        Assert.True(t.AlertDeadline(DeadlineStage.Breached, due, Actor.System, TicketBuilder.T0.AddHours(9)));
        Assert.False(t.AlertDeadline(DeadlineStage.AtRisk, due, Actor.System, TicketBuilder.T0.AddHours(9)));
        Assert.False(t.AlertDeadline(DeadlineStage.Breached, due, Actor.System, TicketBuilder.T0.AddHours(10)));
        Assert.True(t.AlertDeadline(DeadlineStage.AtRisk, due.AddDays(1), Actor.System, TicketBuilder.T0.AddHours(10)));
        Assert.Equal(DeadlineStage.Breached, t.AlertedStage(due));
    }

    [Fact]
    public void Routed_and_alerted_events_survive_a_reload_from_history()
    {
        var t = TicketBuilder.InStatus(TicketStatus.Open);
        t.Escalate(TicketBuilder.Systems, "Erro", TicketBuilder.Agent, TicketBuilder.T0.AddMinutes(10));
        t.RouteEscalation("e1", TicketBuilder.Systems, "categoria incident", "bruno", Actor.System, TicketBuilder.T0.AddMinutes(11));
        t.AlertDeadline(DeadlineStage.AtRisk, TicketBuilder.T0.AddHours(8), Actor.System, TicketBuilder.T0.AddHours(7));

        var json = System.Text.Json.JsonSerializer.Serialize(t.History.Select(e => e.Data).ToList(), EventHasher.CanonicalJson);
        var reloaded = Ticket.Rehydrate(t.Id, t.History);

        Assert.Contains("\"escalationRouted\"", json, StringComparison.Ordinal);
        Assert.True(reloaded.WasRouted("e1"));
        Assert.Equal(DeadlineStage.AtRisk, reloaded.AlertedStage(TicketBuilder.T0.AddHours(8)));
        Assert.True(HistoryVerification.Verify(reloaded.History).IsValid);
    }
}
