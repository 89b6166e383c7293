using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Audit;

/// <summary>
/// The app as the Functions host runs it with Cosmos DB (the loopback server; a database of its own): tickets worked
/// through the API land in Cosmos DB, and the auditors' endpoints, the daily timer with its dashboard figures, the
/// monthly closing and the justification workflow all work from there. The embedded SQLite file holds no ticket,
/// daily figure or justification afterwards.
/// </summary>
public sealed class AzureModeAuditAndFinanceTests(CosmosServerFixture cosmos) : IClassFixture<CosmosServerFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero)); // 10/11/2026 10:00 in São Paulo
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private readonly CosmosOptions _options = cosmos.Options("azure-mode-" + Guid.NewGuid().ToString("N")[..12]);
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await CosmosConnection.EnsureTicketsContainerAsync(cosmos.Client, _options, Ct); // Bicep's part in Azure
        _app = await CosmosHostedApp.StartAsync(_options, _data, b => b.Services.AddSingleton<TimeProvider>(_clock));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        using var _ = await cosmos.Client.GetDatabase(_options.DatabaseName).DeleteStreamAsync();
    }

    [Fact]
    public async Task Audit_daily_figures_closing_and_justifications_work_from_cosmos_db()
    {
        var first = await _app.OpenAsync(email: "ana@ifrs.edu.br");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await _app.DoAsync(first, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(first, "resolve", new { resolvedAtFirstContact = true, resolution = "Senha redefinida." }, "agent-l1", "ana.l1");
        var second = await _app.OpenAsync(email: "bia@ifsp.edu.br");
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _app.DoAsync(second, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(second, "resolve", new { resolvedAtFirstContact = false, resolution = "Cache limpo." }, "agent-l1", "ana.l1");

        var chains = JsonDocument.Parse(await GetAsync("/api/audit/chains?from=2026-11-01&to=2026-11-30", "auditor")).RootElement;
        Assert.Equal((2, 0), (chains.GetProperty("checked").GetInt32(), chains.GetProperty("failed").GetInt32()));
        var continuity = JsonDocument.Parse(await GetAsync("/api/audit/protocols?year=2026", "auditor")).RootElement;
        Assert.Equal(2, continuity.GetProperty("tickets").GetInt32());
        Assert.Empty(continuity.GetProperty("gaps").EnumerateArray());
        var records = (await GetAsync("/api/audit/records?from=2026-11-01&to=2026-11-30&format=jsonl", "auditor")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([first, second], records.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("protocol").GetString()));

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 11, 3, 5, 0, TimeSpan.Zero)); // 11/11 00:05 in São Paulo
        await _app.InvokeTimerAsync("DailyIndicators", _clock.GetUtcNow(), Ct);
        var daily = JsonDocument.Parse(await GetAsync("/api/exports/daily-indicators?month=2026-11", "finance")).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(daily);
        Assert.All(daily, r => Assert.Equal("2026-11-10", r.GetProperty("day").GetString()));
        Assert.Equal(2m, daily.Single(r => r.GetProperty("indicatorId").GetString() == "4").GetProperty("denominator").GetDecimal());

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero));
        await _app.InvokeTimerAsync("MonthlyClosing", _clock.GetUtcNow(), Ct);
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero));
        var finance = _app.Staff("finance", "fabia.fin");
        using (var submitted = await finance.PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "7", text = "Queda do sistema de chamados do órgão." }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        using (var again = await finance.PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "7", text = "Outro texto" }, Ct))
        {
            Assert.Equal("Queda do sistema de chamados do órgão.", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("text").GetString());
        }

        var justification = JsonDocument.Parse(await GetAsync("/api/justifications?month=2026-11", "finance")).RootElement.EnumerateArray().Single(j => j.GetProperty("indicator").GetString() == "7");
        Assert.Equal("pending", justification.GetProperty("disposition").GetString());
        Assert.Equal(0, await StoreSql.CountRowsAsync(_data, "tickets") + await StoreSql.CountRowsAsync(_data, "daily_indicators") + await StoreSql.CountRowsAsync(_data, "justifications"));
    }

    private async Task<string> GetAsync(string path, string role)
    {
        using var response = await _app.Staff(role, "aud").GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }
}
