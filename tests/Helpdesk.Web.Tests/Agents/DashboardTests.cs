using System.Net;
using System.Net.Http.Json;
using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>The supervisor's dashboard: chart of tickets opened per day and channel, backlog by level, the daily
/// indicators of a month and the call-centre import form.</summary>
public sealed class DashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_supervisor_sees_the_chart_of_tickets_opened_per_day_and_channel_and_the_backlog()
    {
        for (var i = 0; i < 3; i++)
        {
            using var mail = await _app.PostEmailAsync(Emails.Plain($"dash-{i}@ifsp.edu.br"));
            Assert.Equal(HttpStatusCode.Created, mail.StatusCode);
        }

        // Anonymous over the API: always channel api, whatever it names (issue 17).
        using var api = await _app.Client.PostAsJsonAsync("/api/tickets", new { subject = "Pela API", description = "x", requesterEmail = "ana@ifrs.edu.br", channel = "webForm" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);

        await using var context = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sofia.sup");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/dashboard");

        var chart = page.GetByTestId("grafico-abertos");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("rect")).ToHaveCountAsync(2);
        await Assertions.Expect(chart.Locator("rect title").First).ToContainTextAsync("E-mail: 3");
        await Assertions.Expect(chart.Locator("rect title").Nth(1)).ToContainTextAsync("API: 1");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Legenda" })).ToContainTextAsync("E-mail");
        await Assertions.Expect(page.GetByTestId("backlog-n1")).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByTestId("backlog-n2")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task A_supervisor_sees_a_chosen_months_daily_indicators_against_their_targets_in_pt_BR()
    {
        var store = _app.Service<IDailyIndicatorStore>();
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        await store.SaveAsync(new DateOnly(2026, 11, 9), [
            new DailyIndicator(new DateOnly(2026, 11, 9), "2", "Chamados concluídos no prazo", 4m, 4m, 100m, 95m, true),
            new DailyIndicator(new DateOnly(2026, 11, 9), "TMA", "Tempo Médio de Atendimento", 0m, 0m, null, 300m, null),
        ], now, ct);
        await store.SaveAsync(new DateOnly(2026, 11, 10), [
            new DailyIndicator(new DateOnly(2026, 11, 10), "2", "Chamados concluídos no prazo", 9m, 10m, 90m, 95m, false),
            new DailyIndicator(new DateOnly(2026, 11, 10), "TMA", "Tempo Médio de Atendimento", 64_000m, 200m, 320m, 300m, false),
        ], now, ct);

        await using var context = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sofia.sup");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/dashboard?mes=2026-11");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Indicadores do contrato em 11/2026" })).ToBeVisibleAsync();
        var table = page.GetByTestId("indicadores-diarios");
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(2);
        var deadlines = table.Locator("tr[data-indicator='2']");
        await Assertions.Expect(deadlines).ToContainTextAsync("10/11/2026");
        await Assertions.Expect(page.GetByTestId("valor-2")).ToHaveTextAsync("90 %");
        await Assertions.Expect(deadlines).ToContainTextAsync("≥ 95 %");
        await Assertions.Expect(page.GetByTestId("situacao-2")).ToHaveTextAsync("não atingida");
        await Assertions.Expect(deadlines.Locator("svg circle")).ToHaveCountAsync(2);
        await Assertions.Expect(deadlines.Locator("svg circle title").First).ToHaveTextAsync("09/11/2026: 100 % (meta ≥ 95 %) — atingida");
        await Assertions.Expect(page.GetByTestId("valor-TMA")).ToHaveTextAsync("320 s");
        await Assertions.Expect(table.Locator("tr[data-indicator='TMA']")).ToContainTextAsync("≤ 300 s");
        await Assertions.Expect(table.Locator("tr[data-indicator='TMA'] svg circle")).ToHaveCountAsync(1); // 09/11 was not measured
        await Assertions.Expect(page.GetByTestId("indicadores-por-dia").Locator("tbody tr")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("indicadores-por-dia")).ToContainTextAsync("não medido");

        await page.GotoAsync("/api/app/dashboard?mes=2026-10");
        await Assertions.Expect(page.GetByTestId("indicadores-vazio")).ToContainTextAsync("10/2026");

        await page.GotoAsync("/api/app/dashboard?mes=11-2026");
        await Assertions.Expect(page.GetByTestId("mes-invalido")).ToContainTextAsync("Mês inválido (11-2026)");
    }

    [Fact]
    public async Task A_supervisor_imports_the_call_centre_csv_from_the_dashboard_and_a_bad_line_is_shown_with_its_column()
    {
        const string header = "intervalStart,intervalMinutes,offered,answered,answeredWithin20s,answeredWithin30s,waitSeconds\n";
        await using var context = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sofia.sup");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/dashboard?mes=2026-11");

        await page.GetByLabel("Arquivo CSV").SetInputFilesAsync(new FilePayload { Name = "central.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + "2026-11-03T09:00:00-03:00,30,10,9,8,8,x\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importar" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("importacao")).ToContainTextAsync("Linha 2, coluna waitSeconds");

        await page.GetByLabel("Arquivo CSV").SetInputFilesAsync(new FilePayload { Name = "central.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(header + "2026-11-03T09:00:00-03:00,30,10,9,8,8,40\n") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importar" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("importacao")).ToContainTextAsync("1 intervalo, versão 1");

        using var stored = await _app.Staff("finance").GetAsync(new Uri("/api/imports/call-centre/2026-11", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.EndsWith(",40\n", await stored.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_level_one_agent_may_not_open_the_dashboard()
    {
        await using var context = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/api/app/dashboard");

        Assert.Equal(403, response!.Status);
    }
}
