using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Escalation;

/// <summary>The escalation path end to end on the embedded runner: an agent escalates, the hand-off goes through the
/// outbox to RouteEscalation, the level-2 agent finds the ticket assigned, and the group's card reaches the Teams
/// webhook (a local HTTP receiver).</summary>
public sealed class EmbeddedEscalationTests : IAsyncLifetime
{
    private readonly WebhookReceiver _teams = new();
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["Teams:WebhookUrl"] = _teams.Address.ToString() });

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _teams.Dispose();
    }

    private async Task PutMemberAsync(string group, string agent, bool available, string role = "supervisor", string? user = "sara")
    {
        using var response = await _app.Staff(role, user).PutAsJsonAsync($"/api/groups/{group}/members/{agent}", new { available }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"roster: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    /// <summary>Reads the ticket until its escalation is routed (an escalationRouted event), failing after 20 s.</summary>
    private async Task<JsonElement> RoutedAsync(string protocol)
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            var (ticket, _) = await _app.ReadAsync(protocol, "agent-l2", "bruno.l2");
            if (ticket.GetProperty("history").EnumerateArray().Any(e => e.GetProperty("type").GetString() == "escalationRouted"))
            {
                return ticket;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("The escalation was not routed within 20 s.");
        return default;
    }

    [Fact]
    public async Task An_agent_escalates_the_level_2_agent_finds_it_assigned_and_the_group_gets_the_card()
    {
        await PutMemberAsync("systems", "bruno.l2", available: true);
        await PutMemberAsync("systems", "carla.l2", available: false);
        var protocol = await _app.OpenAsync(subject: "Erro ao salvar matrícula");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(protocol, "classify", new { category = "incident", priority = "high" }, "agent-l1", "ana.l1");

        var escalated = await _app.DoAsync(protocol, "escalate", new { reason = "Erro 500 ao salvar, precisa de Sistemas" }, "agent-l1", "ana.l1");
        Assert.Equal(2, escalated.GetProperty("level").GetInt32());

        var ticket = await RoutedAsync(protocol);
        Assert.Equal("bruno.l2", ticket.GetProperty("assignee").GetString()); // carla is not available
        Assert.Equal("systems", ticket.GetProperty("group").GetString());
        var routed = Assert.Single(ticket.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "escalationRouted");
        Assert.Contains("categoria incident", routed.GetProperty("data").GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.Equal("system:escalation-router", routed.GetProperty("actor").GetString());

        var mine = await _app.ListAsync("assignee=me", "agent-l2", "bruno.l2");
        Assert.Contains(protocol, TicketApi.Protocols(mine));

        await RunningApp.WaitUntilAsync(() => _teams.Cards.Count >= 1, TimeSpan.FromSeconds(20), "the Teams card");
        var card = Assert.Single(_teams.Cards);
        Assert.Contains(protocol, card, StringComparison.Ordinal);
        Assert.Contains("Erro ao salvar matr", card, StringComparison.Ordinal);
        Assert.Contains("bruno.l2", card, StringComparison.Ordinal);
        Assert.Contains("úteis", card, StringComparison.Ordinal); // remaining business time
        Assert.Contains($"/api/app/tickets/{protocol}", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_available_member_the_ticket_stays_with_the_group_and_the_card_says_so()
    {
        var protocol = await _app.OpenAsync(subject: "VPN sem conexão");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");

        await _app.DoAsync(protocol, "escalate", new { reason = "A VPN não conecta desde ontem" }, "agent-l1", "ana.l1");

        await RunningApp.WaitUntilAsync(() => _teams.Cards.Count >= 1, TimeSpan.FromSeconds(20), "the Teams card");
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal("network", ticket.GetProperty("group").GetString()); // routed by the reason: no category
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("assignee").ValueKind);
        // Routing changed nothing on the ticket, so no event was written (an event only on a real change).
        Assert.DoesNotContain(ticket.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "escalationRouted");
        Assert.Contains("a definir pelo grupo", Assert.Single(_teams.Cards), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_set_only_their_own_availability_and_a_missing_field_is_named()
    {
        using var other = await _app.Staff("agent-l2", "bruno.l2").PutAsJsonAsync("/api/groups/systems/members/carla.l2", new { available = true }, Ct);
        using var missing = await _app.Staff("agent-l2", "bruno.l2").PutAsJsonAsync("/api/groups/systems/members/me", new { }, Ct);
        using var unknown = await _app.Staff().PutAsJsonAsync("/api/groups/nope/members/bruno.l2", new { available = true }, Ct);
        await PutMemberAsync("systems", "me", available: true, "agent-l2", "bruno.l2");

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(missing)).GetProperty("errors").TryGetProperty("available", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var members = await _app.Staff("agent-l1", "ana.l1").GetFromJsonAsync<JsonElement>("/api/groups/systems/members", Ct);
        var bruno = Assert.Single(members.EnumerateArray());
        Assert.Equal("bruno.l2", bruno.GetProperty("agent").GetString());
        Assert.True(bruno.GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task A_level_1_agent_cannot_enrol_in_a_level_2_group_nor_be_enrolled_there_as_level_1()
    {
        using var self = await _app.Staff("agent-l1", "ana.l1").PutAsJsonAsync("/api/groups/systems/members/me", new { available = true }, Ct);
        using var byId = await _app.Staff("agent-l1", "ana.l1").PutAsJsonAsync("/api/groups/systems/members/ana.l1", new { available = true }, Ct);
        using var bySupervisor = await _app.Staff("supervisor", "sara").PutAsJsonAsync("/api/groups/systems/members/ana.l1", new { available = true, level = 1 }, Ct);
        await PutMemberAsync("service-desk", "me", available: true, "agent-l1", "ana.l1"); // her own level is fine

        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("1º nível", (await TicketApi.ProblemAsync(self)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bySupervisor.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(bySupervisor)).GetProperty("errors").TryGetProperty("level", out _));
        Assert.Empty((await _app.Staff().GetFromJsonAsync<JsonElement>("/api/groups/systems/members", Ct)).EnumerateArray());
        var desk = Assert.Single((await _app.Staff().GetFromJsonAsync<JsonElement>("/api/groups/service-desk/members", Ct)).EnumerateArray());
        Assert.Equal(1, desk.GetProperty("workLevel").GetInt32());
    }

    [Fact]
    public async Task Routing_skips_a_member_who_cannot_work_the_groups_level()
    {
        // A level-1 agent already in the level-2 group (enrolled before levels were checked), idle; a level-2 agent busy.
        await _app.Service<Helpdesk.Application.Ports.IAgentRoster>().SetAvailabilityAsync("systems", "ana.l1", true, 1, DateTimeOffset.UtcNow, Ct);
        await PutMemberAsync("systems", "me", available: true, "agent-l2", "bruno.l2");
        var busy = await _app.OpenAsync(subject: "Outro chamado");
        await _app.DoAsync(busy, "assign", new { assignee = "me" }, "agent-l2", "bruno.l2");
        var protocol = await _app.OpenAsync(subject: "Erro ao salvar matrícula");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(protocol, "classify", new { category = "incident", priority = "high" }, "agent-l1", "ana.l1");

        await _app.DoAsync(protocol, "escalate", new { reason = "Erro 500 ao salvar, precisa de Sistemas" }, "agent-l1", "ana.l1");

        var ticket = await RoutedAsync(protocol);
        Assert.Equal("bruno.l2", ticket.GetProperty("assignee").GetString());
    }
}
