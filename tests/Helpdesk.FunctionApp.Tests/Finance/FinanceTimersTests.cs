using Helpdesk.Application.Ports;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Reports;
using Helpdesk.Cli;
using Helpdesk.FunctionApp.Api;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Finance;

/// <summary>
/// The finance timers driven as the Functions host drives them (the documented timer payload posted to
/// <c>/{FunctionName}</c>), over tickets worked through the real API on a fake clock: November 2026 in São Paulo.
/// </summary>
public sealed class FinanceTimersTests : IAsyncLifetime
{
    private static readonly ReportMonth November = ReportMonth.Create(2026, 11);

    // 10/11/2026 10:00 in São Paulo (UTC−3): when the November tickets are worked.
    private static readonly DateTimeOffset NovemberTenth = new(2026, 11, 10, 13, 0, 0, TimeSpan.Zero);

    // The app's clock starts on 13/10/2026 10:00 in São Paulo (a fake clock only moves forward).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 13, 13, 0, 0, TimeSpan.Zero));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_monthly_closing_publishes_json_csv_xlsx_and_html_and_helpdesk_assess_on_the_products_export_gives_the_same_json()
    {
        await WorkNovemberTenthUntilAsync(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero)); // 01/12 00:30 in São Paulo

        await InvokeTimerAsync("MonthlyClosing");

        var reports = _app.Service<IReportStore>();
        var summary = await reports.ReadAsync(Key(MonthlyClosing.SummaryFile), null, Ct);
        Assert.NotNull(summary);
        Assert.Equal(1, summary.Report.Version);
        using var json = JsonDocument.Parse(summary.Content);
        Assert.Equal("2026-11", json.RootElement.GetProperty("month").GetString());
        var indicators = json.RootElement.GetProperty("indicators").EnumerateArray().ToList();
        var registered = indicators.Single(i => i.GetProperty("id").GetString() == "4");
        Assert.Equal(3m, registered.GetProperty("denominator").GetDecimal()); // three web-form tickets received in November
        Assert.Equal(3m, registered.GetProperty("numerator").GetDecimal()); // each registered on receipt

        // Offline recomputation from the product's own export gives the very same summary.
        using var export = await _app.Staff("finance").GetAsync(new Uri("/api/exports/tickets?month=2026-11", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(ExportEndpoints.JsonLines, export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var ticketsFile = Path.Combine(_data, "tickets-2026-11.jsonl");
        var outFile = Path.Combine(_data, "assessment-cli.json");
        await File.WriteAllLinesAsync(ticketsFile, lines, Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var heartbeatsFile = Path.Combine(_data, "heartbeats-2026-11.csv");
        using (var heartbeats = await _app.Staff("finance").GetAsync(new Uri("/api/exports/heartbeats?month=2026-11", UriKind.Relative), Ct))
        {
            await File.WriteAllTextAsync(heartbeatsFile, await heartbeats.Content.ReadAsStringAsync(Ct), Ct);
        }

        var exit = await CommandLine.RunAsync(["assess", "--month", "2026-11", "--tickets", ticketsFile, "--availability", heartbeatsFile, "--justifications", await SettlementInputFileAsync("2026-11"), "--out", outFile], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal(Encoding.UTF8.GetString(summary.Content), await File.ReadAllTextAsync(outFile, Ct));

        // CSV: one row per indicator with the JSON's figures.
        var csv = await reports.ReadAsync(Key(MonthlyClosing.CsvFile), null, Ct);
        Assert.NotNull(csv);
        var csvLines = Encoding.UTF8.GetString(csv.Content).Split("\r\n");
        Assert.Equal(string.Join(',', Helpdesk.Application.Finance.Formats.Documents.AssessmentTable.Header), csvLines[0]);
        var csvRows = csvLines.Skip(1).TakeWhile(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.Equal(indicators.Count, csvRows.Count);
        var csv4 = csvRows.Single(r => r[0] == "4");
        Assert.Equal("3", csv4[3]);
        Assert.Equal("3", csv4[4]);
        Assert.Contains(csvLines, l => l.StartsWith("glosa_valor_total,", StringComparison.Ordinal));

        // XLSX: opened and read back.
        var xlsx = await reports.ReadAsync(Key(MonthlyClosing.SpreadsheetFile), null, Ct);
        Assert.NotNull(xlsx);
        var sheet = Spreadsheets.ReadSheet(xlsx.Content, "Indicadores");
        Assert.Equal("indicador", sheet[0][0]);
        Assert.Equal(indicators.Count + 1, sheet.Count);
        var xlsx4 = sheet.Single(r => r[0] == "4");
        Assert.Equal(3m, decimal.Parse(xlsx4[3], CultureInfo.InvariantCulture));
        Assert.Equal(json.RootElement.GetProperty("penaltyAmount").GetDecimal(), decimal.Parse(Spreadsheets.ReadSheet(xlsx.Content, "Totais").Single(r => r[0] == "glosa_valor_total")[1], CultureInfo.InvariantCulture));

        // The readable report: pt-BR, the indicator table and the charts.
        var html = await reports.ReadAsync(Key(MonthlyClosing.ReportFile), null, Ct);
        Assert.NotNull(html);
        var page = Encoding.UTF8.GetString(html.Content);
        Assert.Contains("lang=\"pt-BR\"", page, StringComparison.Ordinal);
        Assert.Contains("11/2026", page, StringComparison.Ordinal);
        Assert.Contains("01/11/2026", page, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(page, "<svg "));
        Assert.Equal(indicators.Count, CountOf(page, "<tr class="));

        // Every summary lists the readings of the contract in force (issue 17), the same in each format.
        var readings = json.RootElement.GetProperty("readings").EnumerateArray().ToList();
        Assert.Contains(readings, r => r.GetProperty("setting").GetString() == "options.targetComparison" && r.GetProperty("value").GetString() == "exact");
        Assert.Contains(readings, r => r.GetProperty("setting").GetString() == "indicators[TMAchat].comparison" && r.GetProperty("value").GetString() == "lessThan");
        Assert.Contains(readings, r => r.GetProperty("setting").GetString() == "indicators[6].penalty.origin" && r.GetProperty("value").GetString() == "ideal");
        Assert.Contains(readings, r => r.GetProperty("setting").GetString() == "stabilization.policy" && r.GetProperty("value").GetString() == "applyTargets");
        var csvReadings = csvLines.SkipWhile(l => l != "leitura,valor,clausula").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        var sheetReadings = Spreadsheets.ReadSheet(xlsx.Content, "Leituras");
        Assert.Equal(readings.Count, csvReadings.Count);
        Assert.Equal(readings.Count + 1, sheetReadings.Count);
        Assert.Contains("Leituras do contrato em vigor", page, StringComparison.Ordinal);
        foreach (var r in readings)
        {
            var setting = r.GetProperty("setting").GetString()!;
            Assert.Contains(csvReadings, l => l.StartsWith(setting + ",", StringComparison.Ordinal));
            Assert.Contains(sheetReadings, row => row[0] == setting && row[1] == r.GetProperty("value").GetString());
            Assert.Contains("<td>" + System.Net.WebUtility.HtmlEncode(setting) + "</td>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Closing_again_with_the_same_figures_publishes_nothing_and_changed_figures_publish_version_2_keeping_version_1()
    {
        await WorkNovemberTenthUntilAsync(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero));
        var reports = _app.Service<IReportStore>();

        await InvokeTimerAsync("MonthlyClosing");
        var first = (await reports.ReadAsync(Key(MonthlyClosing.SummaryFile), null, Ct))!;

        // A redelivered or repeated timer, later, over the same month: the figures did not change.
        _clock.Advance(TimeSpan.FromHours(5));
        var again = await InvokeTimerAsync("MonthlyClosing");
        Assert.Contains("nothing published", again, StringComparison.Ordinal);
        foreach (var file in new[] { MonthlyClosing.SummaryFile, MonthlyClosing.CsvFile, MonthlyClosing.SpreadsheetFile, MonthlyClosing.ReportFile })
        {
            Assert.Single(await reports.ListVersionsAsync(Key(file), Ct));
        }

        // The invoice becomes known: same tickets, different figures (invoice and amounts) → version 2 of everything.
        // (Stop the app without RunningApp's clean-up, which deletes the data folder the restarted app reads.)
        await _app.App.StopAsync(Ct);
        await _app.App.DisposeAsync();
        _app = await StartAsync(new Dictionary<string, string?> { ["Finance:MonthlyInvoice"] = "1000000.00" });
        reports = _app.Service<IReportStore>();
        var changed = await InvokeTimerAsync("MonthlyClosing");
        Assert.Contains("version 2 published", changed, StringComparison.Ordinal);
        foreach (var file in new[] { MonthlyClosing.SummaryFile, MonthlyClosing.CsvFile, MonthlyClosing.SpreadsheetFile, MonthlyClosing.ReportFile })
        {
            Assert.Equal([1, 2], (await reports.ListVersionsAsync(Key(file), Ct)).Select(v => v.Version));
        }

        var kept = (await reports.ReadAsync(Key(MonthlyClosing.SummaryFile), 1, Ct))!;
        Assert.Equal(first.Content, kept.Content);
        using var v2 = JsonDocument.Parse((await reports.ReadAsync(Key(MonthlyClosing.SummaryFile), 2, Ct))!.Content);
        Assert.Equal(1000000m, v2.RootElement.GetProperty("invoice").GetDecimal());
    }

    [Fact]
    public async Task The_daily_timer_stores_the_previous_days_month_to_date_figures_and_a_second_delivery_changes_nothing()
    {
        await WorkNovemberTenthUntilAsync(new DateTimeOffset(2026, 11, 11, 3, 5, 0, TimeSpan.Zero)); // 11/11 00:05 in São Paulo

        await InvokeTimerAsync("DailyIndicators");
        var first = await DailyFiguresAsync();
        await InvokeTimerAsync("DailyIndicators");
        var second = await DailyFiguresAsync();

        Assert.Equal(first, second);
        var rows = JsonDocument.Parse(first).RootElement.EnumerateArray().ToList();
        Assert.All(rows, r => Assert.Equal("2026-11-10", r.GetProperty("day").GetString()));
        var registered = rows.Single(r => r.GetProperty("indicatorId").GetString() == "4");
        Assert.Equal(3m, registered.GetProperty("denominator").GetDecimal());
        Assert.Contains(rows, r => r.GetProperty("indicatorId").GetString() == "2");
    }

    [Fact]
    public async Task A_target_missed_two_months_running_is_aggravated_from_the_published_history_and_helpdesk_assess_with_the_products_history_agrees()
    {
        await _app.App.StopAsync(Ct);
        await _app.App.DisposeAsync();
        _app = await StartAsync(new Dictionary<string, string?> { ["Finance:MonthlyInvoice"] = "1000000.00" });

        // October and November: one ticket in three resolved at first contact (indicator 7, target 70 %) both months.
        await WorkThreeTicketsAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 1, 3, 30, 0, TimeSpan.Zero));
        await InvokeTimerAsync("MonthlyClosing");
        await WorkNovemberTenthUntilAsync(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero));
        await InvokeTimerAsync("MonthlyClosing");

        var reports = _app.Service<IReportStore>();
        var october = JsonDocument.Parse((await reports.ReadAsync(new ReportKey("default", ReportMonth.Create(2026, 10), MonthlyClosing.SummaryFile), null, Ct))!.Content);
        Assert.Contains("7", october.RootElement.GetProperty("outcome").GetProperty("missedIndicators").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(october.RootElement.GetProperty("aggravations").EnumerateArray());
        var summary = (await reports.ReadAsync(Key(MonthlyClosing.SummaryFile), null, Ct))!;
        using var november = JsonDocument.Parse(summary.Content);
        var aggravation = Assert.Single(november.RootElement.GetProperty("aggravations").EnumerateArray());
        Assert.Equal(2, aggravation.GetProperty("months").GetInt32());
        Assert.Contains("7", aggravation.GetProperty("indicators").EnumerateArray().Select(e => e.GetString()));
        Assert.True(aggravation.GetProperty("amount").GetDecimal() > 0m);

        // Offline: the product's export and the product's history file give the same summary.
        var ticketsFile = Path.Combine(_data, "tickets-2026-11.jsonl");
        var historyFile = Path.Combine(_data, "history-2026-11.json");
        var outFile = Path.Combine(_data, "assessment-cli.json");
        await File.WriteAllTextAsync(ticketsFile, await _app.Staff("finance").GetStringAsync(new Uri("/api/exports/tickets?month=2026-11", UriKind.Relative), Ct), Ct);
        await File.WriteAllTextAsync(historyFile, await _app.Staff("finance").GetStringAsync(new Uri("/api/exports/history?month=2026-11", UriKind.Relative), Ct), Ct);
        var heartbeatsFile = Path.Combine(_data, "heartbeats-2026-11.csv");
        await File.WriteAllTextAsync(heartbeatsFile, await _app.Staff("finance").GetStringAsync(new Uri("/api/exports/heartbeats?month=2026-11", UriKind.Relative), Ct), Ct);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["assess", "--month", "2026-11", "--tickets", ticketsFile, "--history", historyFile, "--availability", heartbeatsFile, "--justifications", await SettlementInputFileAsync("2026-11"), "--invoice", "1000000.00", "--out", outFile], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal(Encoding.UTF8.GetString(summary.Content), await File.ReadAllTextAsync(outFile, Ct));
    }

    [Fact]
    public async Task A_missed_indicator_is_justified_once_then_tacitly_accepted_and_a_late_rejection_moves_the_reduction_to_the_next_invoice()
    {
        await WorkNovemberTenthUntilAsync(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero)); // closed on Tuesday 01/12
        await InvokeTimerAsync("MonthlyClosing");

        var pending = await JustificationAsync("7");
        Assert.Equal("pending", pending.GetProperty("disposition").GetString());
        Assert.Equal("2026-12-08", pending.GetProperty("supplierDeadline").GetString()); // 5 business days after the closing

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero));
        var finance = _app.Staff("finance", "fabia.fin");
        using (var first = await finance.PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "7", text = "Queda do sistema de chamados do órgão." }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var again = await finance.PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "7", text = "Outro texto" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal("Queda do sistema de chamados do órgão.", (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("text").GetString());
        }

        using (var notMissed = await finance.PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "4", text = "x" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, notMissed.StatusCode);
        }

        using (var noText = await finance.PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "7" }, Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
            Assert.True((await TicketApi.ProblemAsync(noText)).GetProperty("errors").TryGetProperty("text", out _));
        }

        using (var agent = await _app.Staff("agent-l1").PostAsJsonAsync("/api/justifications/decisions", new { month = "2026-11", indicator = "7", decision = "rejected" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        }

        var submitted = await JustificationAsync("7");
        Assert.Equal("pending", submitted.GetProperty("disposition").GetString());
        Assert.Equal("2026-12-10", submitted.GetProperty("managerDeadline").GetString()); // 5 business days after the submission

        // The manager stays silent past the deadline: tacit acceptance.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 14, 0, 0, TimeSpan.Zero));
        Assert.Equal("tacitlyAccepted", (await JustificationAsync("7")).GetProperty("disposition").GetString());

        // A rejection after the deadline moves the reduction to the next invoice; the same decision again changes nothing, another is refused.
        var manager = _app.Staff("supervisor", "gil.gestor");
        using (var rejected = await manager.PostAsJsonAsync("/api/justifications/decisions", new { month = "2026-11", indicator = "7", decision = "rejected" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        using (var same = await manager.PostAsJsonAsync("/api/justifications/decisions", new { month = "2026-11", indicator = "7", decision = "rejected" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }

        using (var other = await manager.PostAsJsonAsync("/api/justifications/decisions", new { month = "2026-11", indicator = "7", decision = "accepted" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        }

        var decided = await JustificationAsync("7");
        Assert.Equal("deferredToNextInvoice", decided.GetProperty("disposition").GetString());
        Assert.Equal("gil.gestor", decided.GetProperty("justification").GetProperty("decidedBy").GetString());
    }

    [Fact]
    public async Task The_export_is_for_finance_supervisors_and_admins_and_a_bad_month_is_a_problem_naming_the_field()
    {
        using var anonymous = await _app.Client.GetAsync(new Uri("/api/exports/tickets?month=2026-11", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var agent = await _app.Staff("agent-l1").GetAsync(new Uri("/api/exports/tickets?month=2026-11", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);

        using var bad = await _app.Staff("supervisor").GetAsync(new Uri("/api/exports/tickets?month=11-2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await TicketApi.ProblemAsync(bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("month", out _));

        using var empty = await _app.Staff("admin").GetAsync(new Uri("/api/exports/tickets?month=2026-10", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("", await empty.Content.ReadAsStringAsync(Ct));
    }

    private Task<RunningApp> StartAsync(IDictionary<string, string?>? settings = null) =>
        RunningApp.StartAsync(settings: settings, dataDirectory: _data, configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    private static ReportKey Key(string file) => new("default", November, file);

    /// <summary>The three tickets worked on 10/11/2026, then the clock set to <paramref name="then"/>.</summary>
    private async Task WorkNovemberTenthUntilAsync(DateTimeOffset then)
    {
        _clock.SetUtcNow(NovemberTenth);
        await WorkThreeTicketsAsync();
        _clock.SetUtcNow(then);
    }

    /// <summary>Three web-form tickets from the clock's day on: one resolved at first contact, one answered and resolved later, one left open.</summary>
    private async Task WorkThreeTicketsAsync()
    {
        var first = await _app.OpenAsync(email: "ana@ifrs.edu.br");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await _app.DoAsync(first, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(first, "classify", new { category = "incident", priority = "high" }, "agent-l1", "ana.l1");
        await _app.DoAsync(first, "resolve", new { resolvedAtFirstContact = true, resolution = "Senha redefinida." }, "agent-l1", "ana.l1");

        var second = await _app.OpenAsync(email: "bia@ifsp.edu.br");
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _app.DoAsync(second, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(second, "replies", new { text = "Poderia enviar o print do erro?" }, "agent-l1", "ana.l1");
        _clock.Advance(TimeSpan.FromHours(2));
        await _app.DoAsync(second, "resolve", new { resolvedAtFirstContact = false, resolution = "Cache limpo." }, "agent-l1", "ana.l1");

        _ = await _app.OpenAsync(email: "caio@ufmg.br");
        _clock.Advance(TimeSpan.FromHours(1));
    }

    private Task<string> InvokeTimerAsync(string function) => _app.InvokeTimerAsync(function, _clock.GetUtcNow(), Ct);

    private async Task<JsonElement> JustificationAsync(string indicator)
    {
        using var response = await _app.Staff("finance").GetAsync(new Uri("/api/justifications?month=2026-11", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.EnumerateArray().Single(j => j.GetProperty("indicator").GetString() == indicator);
    }

    /// <summary>The product's <c>--justifications</c> file of a month, written to the data folder.</summary>
    private async Task<string> SettlementInputFileAsync(string month)
    {
        var path = Path.Combine(_data, $"justifications-{month}.json");
        await File.WriteAllTextAsync(path, await _app.Staff("finance").GetStringAsync(new Uri($"/api/justifications/settlement-input?month={month}", UriKind.Relative), Ct), Ct);
        return path;
    }

    private async Task<string> DailyFiguresAsync()
    {
        using var response = await _app.Staff("finance").GetAsync(new Uri("/api/exports/daily-indicators?month=2026-11", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
