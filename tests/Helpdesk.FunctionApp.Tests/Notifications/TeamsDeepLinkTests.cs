using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Notifications;

/// <summary>Issue 22: with the Teams app's id set (<c>Teams__AppId</c>), the escalation card opens the ticket in the
/// Teams tab (a deep link to the tab's entity with the protocol as its sub-entity, which the tab page opens), and the
/// browser link stays beside it. Without it, the card is as before.</summary>
public sealed class TeamsDeepLinkTests : IAsyncDisposable
{
    private const string AppId = "6a9b8c7d-1234-4abc-8def-0123456789ab";
    private readonly WebhookReceiver _teams = new();
    private RunningApp? _app;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _teams.Dispose();
    }

    private async Task<(string Protocol, JsonElement Actions)> EscalatedCardAsync(string? appId)
    {
        _app = await RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["Teams:WebhookUrl"] = _teams.Address.ToString(), ["Teams:AppId"] = appId });
        var protocol = await _app.OpenAsync(subject: "Sistema de matrícula fora do ar");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(protocol, "escalate", new { reason = "Erro 500 ao salvar, precisa de Sistemas" }, "agent-l1", "ana.l1");
        await RunningApp.WaitUntilAsync(() => _teams.Cards.Count >= 1, TimeSpan.FromSeconds(20), "the Teams card");
        using var card = JsonDocument.Parse(Assert.Single(_teams.Cards));
        return (protocol, card.RootElement.GetProperty("actions").Clone());
    }

    [Fact]
    public async Task With_the_teams_app_id_the_card_opens_the_ticket_in_the_tab_and_in_the_browser()
    {
        var (protocol, actions) = await EscalatedCardAsync(AppId);

        Assert.Equal(2, actions.GetArrayLength());
        Assert.Equal("Abrir no Teams", actions[0].GetProperty("title").GetString());
        var link = new Uri(actions[0].GetProperty("url").GetString()!);
        Assert.Equal($"https://teams.microsoft.com/l/entity/{AppId}/fila", link.GetLeftPart(UriPartial.Path));
        var context = Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("context=", StringComparison.Ordinal))["context=".Length..]);
        Assert.Equal(protocol, JsonDocument.Parse(context).RootElement.GetProperty("subEntityId").GetString());
        Assert.Equal("Abrir no navegador", actions[1].GetProperty("title").GetString());
        Assert.EndsWith($"/api/app/tickets/{protocol}", actions[1].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_it_the_card_has_the_browser_link_only()
    {
        var (protocol, actions) = await EscalatedCardAsync(null);

        var only = Assert.Single(actions.EnumerateArray());
        Assert.Equal("Abrir chamado", only.GetProperty("title").GetString());
        Assert.EndsWith($"/api/app/tickets/{protocol}", only.GetProperty("url").GetString(), StringComparison.Ordinal);
    }
}
