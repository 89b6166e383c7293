using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Cli;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Finance;

/// <summary>
/// The product's ticket export fills <c>kind</c>, <c>uf</c>, <c>resolutionTarget</c> and <c>activityValue</c>, and
/// <c>helpdesk assess</c> over it sees them: indicator 5 (service orders of an activity category, one late), SCM3's
/// complaints and the UF breakdown of the volumes. November 2026 in São Paulo, on a fake clock.
/// </summary>
public sealed class ExportFieldsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 3, 13, 0, 0, TimeSpan.Zero)); // 03/11 10:00 in São Paulo
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(dataDirectory: _data, configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Helpdesk_assess_over_the_products_export_sees_activities_complaints_and_ufs()
    {
        await MakeInstallationsServiceOrdersAsync(1500m);

        var onTime = await _app.OpenAsync(email: "ana@ifrs.edu.br"); // RS, from the institution
        var late = await _app.OpenAsync(email: "bia@ifsp.edu.br"); // SP
        var complaint = await _app.OpenAsync(email: "caio@ufmg.br"); // MG, corrected to DF below
        foreach (var protocol in new[] { onTime, late })
        {
            await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
            await _app.DoAsync(protocol, "classify", new { category = "installation" }, "agent-l1", "ana.l1");
        }

        await _app.DoAsync(complaint, "classify", new { category = "complaint" }, "agent-l1", "ana.l1");
        await _app.DoAsync(complaint, "uf", new { uf = "df", reason = "Lotado em Brasília." }, "agent-l1", "ana.l1");
        _clock.Advance(TimeSpan.FromDays(1));
        await _app.DoAsync(onTime, "resolve", new { resolvedAtFirstContact = false, resolution = "Instalado." }, "agent-l1", "ana.l1");
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 13, 0, 0, TimeSpan.Zero)); // past 10 business days
        await _app.DoAsync(late, "resolve", new { resolvedAtFirstContact = false, resolution = "Instalado com atraso." }, "agent-l1", "ana.l1");
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero));

        var lines = (await _app.Staff("finance").GetStringAsync(new Uri("/api/exports/tickets?month=2026-11", UriKind.Relative), Ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var records = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(o => o["protocol"]!.GetValue<string>());
        Assert.Equal(3, records.Count);
        Assert.Equal(("request", "RS", "10 business days", 1500m), Fields(records[onTime]));
        Assert.Equal(("request", "SP", "10 business days", 1500m), Fields(records[late]));
        Assert.Equal(("complaint", "DF", "5 business days", (decimal?)null), Fields(records[complaint]));

        var ticketsFile = Path.Combine(_data, "tickets-2026-11.jsonl");
        var outFile = Path.Combine(_data, "assessment.json");
        await File.WriteAllLinesAsync(ticketsFile, lines, Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["assess", "--month", "2026-11", "--tickets", ticketsFile, "--out", outFile], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());

        using var assessment = JsonDocument.Parse(await File.ReadAllTextAsync(outFile, Ct));
        var indicators = assessment.RootElement.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal((1m, 2m), (indicators["5"].GetProperty("numerator").GetDecimal(), indicators["5"].GetProperty("denominator").GetDecimal()));
        Assert.False(indicators["5"].GetProperty("met").GetBoolean());
        var lateActivity = Assert.Single(indicators["5"].GetProperty("lateActivities").EnumerateArray());
        Assert.Equal(late, lateActivity.GetProperty("protocol").GetString());
        Assert.Equal(225m, indicators["5"].GetProperty("penaltyAmount").GetDecimal()); // over 72 h late: 15 % of its R$ 1.500,00
        Assert.Equal(1m, indicators["SCM3"].GetProperty("denominator").GetDecimal()); // the one complaint received in November
        var ufs = assessment.RootElement.GetProperty("management").GetProperty("volumes").GetProperty("uf");
        Assert.Equal(["DF", "RS", "SP"], ufs.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    private static (string? Kind, string? Uf, string? Target, decimal? Value) Fields(JsonObject record) => (
        record["kind"]?.GetValue<string>(),
        record["uf"]?.GetValue<string>(),
        record["resolutionTarget"]?.GetValue<string>(),
        record["activityValue"]?.GetValue<decimal>());

    /// <summary>A supervisor gives the installation category a service-order value (seed 003 3.1) in the catalogue.</summary>
    private async Task MakeInstallationsServiceOrdersAsync(decimal value)
    {
        using var read = await _app.Staff("supervisor").GetAsync(new Uri("/api/catalogue", UriKind.Relative), Ct);
        var catalogue = JsonNode.Parse(await read.Content.ReadAsStringAsync(Ct))!.AsObject();
        var installation = catalogue["categories"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "installation")!;
        installation["activityValue"] = value;
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/catalogue", UriKind.Relative))
        {
            Content = JsonContent.Create(new { categories = catalogue["categories"], priorities = catalogue["priorities"], groups = catalogue["groups"] }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
        using var saved = await _app.Staff("supervisor").SendAsync(request, Ct);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
    }
}
