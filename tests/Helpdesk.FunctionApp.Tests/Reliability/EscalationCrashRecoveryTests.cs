using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.FunctionApp.Tests.Reliability;

/// <summary>
/// A crash between the ticket write and the dispatch of its hand-off loses nothing: the handler is SIGKILLed, the store
/// is left exactly as such a crash leaves it (the escalation committed with its outbox message, never delivered), and the
/// restarted handler delivers it: the ticket is routed and assigned, and the card reaches the Teams webhook, once.
/// </summary>
public sealed class EscalationCrashRecoveryTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-crash", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_hand_off_committed_before_a_crash_is_delivered_after_the_restart()
    {
        Directory.CreateDirectory(_data);
        using var teams = new WebhookReceiver();
        var environment = new Dictionary<string, string> { ["Teams__WebhookUrl"] = teams.Address.ToString() };
        string protocol;
        using (var first = await AppProcess.StartAsync(_data, environment: environment))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            http.DefaultRequestHeaders.Add("X-Dev-Role", "supervisor");
            http.DefaultRequestHeaders.Add("X-Dev-User", "sara");
            using var member = await http.PutAsJsonAsync("/api/groups/systems/members/bruno.l2", new { available = true }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, member.StatusCode);
            using var opened = await http.PostAsJsonAsync("/api/tickets", new { subject = "Sistema fora do ar", description = "Erro 500", requesterEmail = "ana@ifrs.edu.br", channel = "webForm" }, TestContext.Current.CancellationToken);
            protocol = (await opened.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString()!;
            first.Kill();
        }

        // What a crash right after the escalation's commit leaves behind: the Escalated event and its hand-off, undelivered.
        using (var database = new SqliteDatabase(Path.Combine(_data, "helpdesk.db")))
        {
            var store = new SqliteTicketStore(database, new Helpdesk.FunctionApp.LocalRunner.OutboxSignal(), new TicketClocks(DefaultContract.Definition));
            Assert.True(ProtocolNumber.TryParse(protocol, out var number));
            var ticket = (await store.FindByProtocolAsync(number, TestContext.Current.CancellationToken))!;
            var now = DateTimeOffset.UtcNow;
            ticket.Classify("incident", "high", Actor.Agent("ana.l1"), now);
            ticket.Escalate(SupportCatalogue.Default.FindGroup("systems")!, "Erro 500 ao salvar", Actor.Agent("ana.l1"), now);
            var handOff = new EscalationMessage(Guid.NewGuid(), ticket.Id.ToString(), protocol, "Erro 500 ao salvar", null, Automatic: false);
            await store.SaveAsync(ticket, [], [handOff.ToOutbox(now)], TestContext.Current.CancellationToken);
        }

        using var second = await AppProcess.StartAsync(_data, environment: environment);
        await RunningApp.WaitUntilAsync(() => teams.Cards.Count >= 1, TimeSpan.FromSeconds(60), "the card after the restart");
        using var reader = new HttpClient { BaseAddress = second.BaseAddress };
        reader.DefaultRequestHeaders.Add("X-Dev-Role", "agent-l2");
        reader.DefaultRequestHeaders.Add("X-Dev-User", "bruno.l2");
        var routed = await reader.GetFromJsonAsync<JsonElement>("/api/tickets/" + protocol, TestContext.Current.CancellationToken);

        Assert.Equal("bruno.l2", routed.GetProperty("assignee").GetString());
        Assert.Single(routed.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "escalationRouted");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Contains(protocol, Assert.Single(teams.Cards), StringComparison.Ordinal);
    }
}
