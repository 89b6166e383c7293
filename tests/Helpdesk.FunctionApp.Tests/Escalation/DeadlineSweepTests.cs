using System.Net;
using System.Text.Json;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Notifications;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Escalation;

/// <summary>
/// The SweepDeadlines timer, invoked with the host's timer payload on a fake clock (built-in contract: incident × high
/// is due in 8 business hours; Tue 24 Nov 2026, received 09:00 São Paulo → at risk 15:24, due 17:00).
/// </summary>
public sealed class DeadlineSweepTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-3));
    private static readonly AgentIdentity Sara = new("sara", "Sara", new HashSet<string> { Roles.Supervisor });
    private readonly FakeTimeProvider _clock = new(T0);
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(asFunctionsHost: true, configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<Ticket> OpenAsync(string category, string priority, bool escalate = false)
    {
        var now = _clock.GetUtcNow();
        var created = await _app.Service<ITicketStore>().CreateAsync(2026, p => new TicketDraft(
            Ticket.Register(new TicketId(Guid.NewGuid()), p, new NewTicket("Sistema fora do ar", "Erro 500.", EmailAddress.Parse("ana@ifrs.edu.br"), "Ana", Channel.Api, now), now), [], []), Ct);
        var actions = _app.Service<TicketActions>();
        var target = new TicketTarget(created.Ticket.Protocol, null);
        var ticket = await actions.ClassifyAsync(target, Sara, category, priority, Ct);
        return escalate ? await actions.EscalateAsync(target, Sara, null, "Precisa de Sistemas", Ct) : ticket;
    }

    private async Task<string> SweepAsync()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var payload = $$$$"""
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
              "ScheduleStatus":{"Last":"{{{{now.AddMinutes(-1):yyyy-MM-ddTHH:mm:ss}}}}","Next":"{{{{now.AddMinutes(1):yyyy-MM-ddTHH:mm:ss}}}}","LastUpdated":"{{{{now:yyyy-MM-ddTHH:mm:ss}}}}"},
              "IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"SweepDeadlines","UtcNow":"{{{{now:O}}}}","RandGuid":"5b0c"}}}
            """;
        using var response = await _app.InvokeAsync("SweepDeadlines", payload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("Logs")[0].GetString()!;
    }

    private async Task<IReadOnlyList<PendingDelivery>> OutboxAsync() =>
        await _app.Service<IOutboxStore>().TakeDueAsync(_clock.GetUtcNow().AddDays(30), 1000, TimeSpan.FromDays(365), Ct); // leased for good: each message is read once

    private async Task<Ticket> ReloadAsync(Ticket t) => (await _app.Service<ITicketStore>().GetAsync(t.Id, Ct))!;

    [Fact]
    public async Task The_sweep_warns_at_risk_escalates_at_the_level_1_deadline_and_warns_the_supervisor_of_a_level_2_breach_each_once()
    {
        var level1 = await OpenAsync("incident", "high");
        var level2 = await OpenAsync("incident", "high", escalate: true);
        for (var i = 0; i < 20; i++)
        {
            await OpenAsync("information", "normal"); // due in 5 business days: far from their deadline all day
        }

        await OutboxAsync(); // the agent's hand-off of level2: not the sweep's
        _clock.SetUtcNow(T0.AddHours(2));
        Assert.Equal("examined 0, escalated 0, at-risk warnings 0, breach warnings 0", await SweepAsync());

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.FromHours(-3)));
        Assert.Equal("examined 2, escalated 0, at-risk warnings 2, breach warnings 0", await SweepAsync());
        Assert.Equal("examined 0, escalated 0, at-risk warnings 0, breach warnings 0", await SweepAsync()); // the same minute again
        var warnings = await OutboxAsync();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(TicketCards.AtRisk, TeamsCard.FromJson(w.Body).Notification.Kind));

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 1, 0, TimeSpan.FromHours(-3)));
        Assert.Equal("examined 2, escalated 1, at-risk warnings 0, breach warnings 1", await SweepAsync());
        Assert.Equal("examined 0, escalated 0, at-risk warnings 0, breach warnings 0", await SweepAsync());

        var escalated = await ReloadAsync(level1);
        Assert.Equal(2, escalated.Level);
        var e = Assert.IsType<Domain.Tickets.Events.TicketEscalated>(escalated.History.Single(h => h.Data.Kind == "escalated").Data);
        Assert.Equal("prazo", e.Reason);
        Assert.Equal("system:sla-sweep", escalated.History.Single(h => h.Data.Kind == "escalated").Actor.ToString());
        var messages = await OutboxAsync();
        var handOff = EscalationMessage.FromJson(Assert.Single(messages, m => m.Queue == Queues.Escalations).Body);
        Assert.True(handOff.Automatic);
        Assert.Equal(level1.Id.ToString(), handOff.TicketId);
        var breach = TeamsCard.FromJson(Assert.Single(messages, m => m.Queue == Queues.TeamsNotifications).Body).Notification;
        Assert.Equal(TicketCards.Breached, breach.Kind);
        Assert.Equal(level2.Protocol.ToString(), breach.Protocol);
        Assert.Contains("supervisão", breach.Reason, StringComparison.Ordinal);
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public async Task A_ticket_resolved_before_its_deadline_is_never_looked_at_again()
    {
        var ticket = await OpenAsync("incident", "high");
        var actions = _app.Service<TicketActions>();
        var target = new TicketTarget(ticket.Protocol, null);
        await actions.AssignAsync(target, Sara, "sara", null, Ct);
        await actions.ResolveAsync(target, Sara, false, "Reiniciado.", Ct);
        await OutboxAsync();

        _clock.SetUtcNow(T0.AddDays(3));

        Assert.Equal("examined 0, escalated 0, at-risk warnings 0, breach warnings 0", await SweepAsync());
        Assert.Empty(await OutboxAsync());
    }
}
