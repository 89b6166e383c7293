using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Cli;
using Helpdesk.Domain.Indicators;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Finance;

/// <summary>
/// The justification workflow changes the published figures (seed 003 3.8, ADR-015), through the real API, the real
/// SQLite justification store and the report store, on a fake clock. November 2026 misses indicator 7 (one ticket in
/// three resolved at first contact); closed Tue 01/12; supplier's deadline Tue 08/12; justified Thu 03/12, so the
/// manager's deadline is Thu 10/12 (Tue 08/12 is a business day: no holiday in that week).
/// </summary>
public sealed class SettlementTests : IAsyncLifetime
{
    private static readonly ReportMonth November = ReportMonth.Create(2026, 11);
    private static readonly ReportMonth December = ReportMonth.Create(2026, 12);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 13, 13, 0, 0, TimeSpan.Zero));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(
            settings: new Dictionary<string, string?> { ["Finance:MonthlyInvoice"] = "1000000.00" },
            dataDirectory: _data,
            configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Tacit_acceptance_waives_the_reduction_and_a_late_rejection_is_carried_into_the_next_months_closing_exactly_once()
    {
        await CloseNovemberAsync();

        // At the closing: indicator 7's reduction is pending, provisionally on November's invoice.
        var closed = await SummaryAsync(November);
        var amount = Indicator(closed, "7").GetProperty("penaltyAmount").GetDecimal();
        Assert.True(amount > 0m);
        var settlement = closed.GetProperty("settlement");
        Assert.False(settlement.GetProperty("final").GetBoolean());
        Assert.Equal("2026-12-01", settlement.GetProperty("closedOn").GetString());
        Assert.Equal("pending", Justification(closed, "7").GetProperty("disposition").GetString());
        Assert.Equal(closed.GetProperty("totalAmount").GetDecimal(), settlement.GetProperty("reductionOnThisInvoice").GetDecimal());

        // The supplier justifies on Thu 03/12: the month is settled again at once (version 2 records the submission).
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 14, 0, 0, TimeSpan.Zero));
        using (var submitted = await _app.Staff("finance", "fabia.fin").PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "7", text = "Indisponibilidade do sistema do órgão." }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        var v2 = await SummaryAsync(November);
        Assert.Equal(2, await VersionsAsync(November));
        Assert.Equal("2026-12-03", Justification(v2, "7").GetProperty("submittedOn").GetString());
        Assert.Equal("2026-12-10", Justification(v2, "7").GetProperty("managerDeadline").GetString());

        // The daily re-settling on the manager's last day changes nothing; the day after, silence is tacit acceptance.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 3, 10, 0, TimeSpan.Zero));
        Assert.Contains("nothing published", await InvokeTimerAsync("SettleJustifications"), StringComparison.Ordinal);
        Assert.Equal(2, await VersionsAsync(November));
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 3, 10, 0, TimeSpan.Zero));
        Assert.Contains("version 3 published", await InvokeTimerAsync("SettleJustifications"), StringComparison.Ordinal);
        var tacit = await SummaryAsync(November);
        Assert.Equal("tacitlyAccepted", Justification(tacit, "7").GetProperty("disposition").GetString());
        Assert.True(tacit.GetProperty("settlement").GetProperty("final").GetBoolean());
        Assert.Equal(amount, tacit.GetProperty("settlement").GetProperty("waivedAmount").GetDecimal());
        Assert.DoesNotContain("7", tacit.GetProperty("settlement").GetProperty("outcome").GetProperty("missedIndicators").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("aceite tácito: sem glosa", await TextAsync(November, MonthlyClosing.CsvFile), StringComparison.Ordinal);

        // A settled month is not re-settled by the timer any more.
        Assert.Contains("no closed month", await InvokeTimerAsync("SettleJustifications"), StringComparison.Ordinal);

        // The manager rejects on Fri 11/12, after the deadline: the reduction moves to December's invoice.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 14, 0, 0, TimeSpan.Zero));
        using (var rejected = await _app.Staff("supervisor", "gil.gestor").PostAsJsonAsync("/api/justifications/decisions", new { month = "2026-11", indicator = "7", decision = "rejected" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        }

        var late = await SummaryAsync(November);
        Assert.Equal(4, await VersionsAsync(November));
        var lateItem = Justification(late, "7");
        Assert.Equal("deferredToNextInvoice", lateItem.GetProperty("disposition").GetString());
        Assert.Equal("2026-12", lateItem.GetProperty("deferredTo").GetString());
        Assert.Equal(amount, late.GetProperty("settlement").GetProperty("deferredAmount").GetDecimal());
        Assert.Contains(WebUtility.HtmlEncode("rejeitada fora do prazo: glosa na próxima fatura"), await TextAsync(November, MonthlyClosing.ReportFile), StringComparison.Ordinal);

        // December's closing carries the reduction in; closing December again changes nothing and carries it once.
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 3, 30, 0, TimeSpan.Zero));
        await InvokeTimerAsync("MonthlyClosing");
        Assert.Contains("nothing published", await InvokeTimerAsync("MonthlyClosing"), StringComparison.Ordinal);
        Assert.Equal(1, await VersionsAsync(December));
        var december = await SummaryAsync(December);
        var carried = Assert.Single(december.GetProperty("settlement").GetProperty("carriedIn").EnumerateArray());
        Assert.Equal(("2026-11", "7", amount), (carried.GetProperty("month").GetString(), carried.GetProperty("indicator").GetString(), carried.GetProperty("amount").GetDecimal()));
        Assert.Equal(amount, december.GetProperty("settlement").GetProperty("carriedInAmount").GetDecimal());
        Assert.True(december.GetProperty("settlement").GetProperty("reductionOnThisInvoice").GetDecimal() >= amount);
        Assert.Contains("trazida de 11/2026", await TextAsync(December, MonthlyClosing.CsvFile), StringComparison.Ordinal);

        // Offline: the product's export, history and justifications file give December's published summary byte for byte.
        var ticketsFile = await WriteAsync("tickets-2026-12.jsonl", "/api/exports/tickets?month=2026-12");
        var historyFile = await WriteAsync("history-2026-12.json", "/api/exports/history?month=2026-12");
        var justificationsFile = await WriteAsync("justifications-2026-12.json", "/api/justifications/settlement-input?month=2026-12");
        var heartbeatsFile = await WriteAsync("heartbeats-2026-12.csv", "/api/exports/heartbeats?month=2026-12");
        var outFile = Path.Combine(_data, "assessment-2026-12.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["assess", "--month", "2026-12", "--tickets", ticketsFile, "--history", historyFile, "--justifications", justificationsFile, "--availability", heartbeatsFile, "--invoice", "1000000.00", "--out", outFile], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        var published = (await _app.Service<IReportStore>().ReadAsync(new ReportKey("default", December, MonthlyClosing.SummaryFile), null, Ct))!;
        Assert.Equal(Encoding.UTF8.GetString(published.Content), await File.ReadAllTextAsync(outFile, Ct));
    }

    [Fact]
    public async Task An_accepted_justification_removes_the_reduction_from_the_published_documents_at_once()
    {
        await CloseNovemberAsync();
        var own = (await SummaryAsync(November)).GetProperty("settlement").GetProperty("ownReductionOnThisInvoice").GetDecimal();
        var amount = Indicator(await SummaryAsync(November), "7").GetProperty("penaltyAmount").GetDecimal();

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.Zero));
        using (var submitted = await _app.Staff("finance").PostAsJsonAsync("/api/justifications", new { month = "2026-11", indicator = "7", text = "Falha de energia no prédio do órgão." }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        using (var accepted = await _app.Staff("supervisor").PostAsJsonAsync("/api/justifications/decisions", new { month = "2026-11", indicator = "7", decision = "accepted" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // Delivering the same decision again publishes nothing new.
        var versions = await VersionsAsync(November);
        using (var again = await _app.Staff("supervisor").PostAsJsonAsync("/api/justifications/decisions", new { month = "2026-11", indicator = "7", decision = "accepted" }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(versions, await VersionsAsync(November));
        var settled = (await SummaryAsync(November)).GetProperty("settlement");
        Assert.Equal("waived", Justification(await SummaryAsync(November), "7").GetProperty("disposition").GetString());
        Assert.Equal(own - amount, settled.GetProperty("ownReductionOnThisInvoice").GetDecimal());
        Assert.Equal(amount, settled.GetProperty("waivedAmount").GetDecimal());
        Assert.Contains(WebUtility.HtmlEncode("justificativa aceita: sem glosa"), await TextAsync(November, MonthlyClosing.ReportFile), StringComparison.Ordinal);

        // The history December's closing reads no longer counts 7 as November's miss.
        var history = JsonDocument.Parse(await _app.Staff("finance").GetStringAsync(new Uri("/api/exports/history?month=2026-12", UriKind.Relative), Ct)).RootElement;
        var novemberOutcome = Assert.Single(history.EnumerateArray(), o => o.GetProperty("month").GetString() == "2026-11");
        Assert.DoesNotContain("7", novemberOutcome.GetProperty("missedIndicators").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_month_closed_before_the_typed_records_is_read_once_from_its_published_summary_and_then_kept()
    {
        await CloseNovemberAsync();
        var store = _app.Service<IClosedMonthStore>();
        var month = AssessmentMonth.Create(2026, 11);
        var summary = await SummaryAsync(November);

        // The closing kept November's typed record beside its published summary.
        var recorded = await store.GetAsync("default", month, Ct);
        Assert.NotNull(recorded);
        Assert.Equal(1, recorded.SummaryVersion);
        Assert.Equal(new DateOnly(2026, 12, 1), recorded.ClosedOn);
        Assert.False(recorded.Final);
        Assert.Equal(summary.GetProperty("outcome").GetProperty("missedIndicators").EnumerateArray().Select(e => e.GetString()), recorded.Outcome.MissedIndicators.Order(StringComparer.Ordinal));
        Assert.Contains("7", recorded.Outcome.MissedIndicators);

        // The history export from the record is what reading the published JSON by property name gave before.
        var history = await _app.Staff("finance").GetStringAsync(new Uri("/api/exports/history?month=2026-12", UriKind.Relative), Ct);
        Assert.Equal("[" + JsonNode.Parse(summary.GetProperty("settlement").GetProperty("outcome").GetRawText())!.ToJsonString() + "]", history);

        // As a version before the records left it: the summary published, no record. It is read from the summary once.
        await using (var connection = await _app.Service<SqliteDatabase>().OpenAsync(Ct))
        await using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM closed_months";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync(Ct));
        }

        Assert.Null(await store.GetAsync("default", month, Ct));
        Assert.Equal(history, await _app.Staff("finance").GetStringAsync(new Uri("/api/exports/history?month=2026-12", UriKind.Relative), Ct));
        var imported = await store.GetAsync("default", month, Ct);
        Assert.NotNull(imported);
        Assert.Equal(Describe(recorded), Describe(imported));
    }

    [Fact]
    public async Task The_settlement_input_of_a_month_never_closed_is_not_found_a_bad_month_names_the_field_and_openapi_describes_it()
    {
        using var open = await _app.Staff("finance").GetAsync(new Uri("/api/justifications/settlement-input?month=2026-11", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        using var bad = await _app.Staff("finance").GetAsync(new Uri("/api/justifications/settlement-input?month=2026-13", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(bad)).GetProperty("errors").TryGetProperty("month", out _));
        using var agent = await _app.Staff("agent-l1").GetAsync(new Uri("/api/justifications/settlement-input?month=2026-11", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Contains("\"/api/justifications/settlement-input\"", await _app.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    /// <summary>Three tickets worked on 10/11/2026, then November closed on Tue 01/12 00:30 in São Paulo.</summary>
    private async Task CloseNovemberAsync()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero));
        await WorkThreeTicketsAsync();
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 3, 30, 0, TimeSpan.Zero));
        await InvokeTimerAsync("MonthlyClosing");
    }

    private async Task WorkThreeTicketsAsync()
    {
        var first = await _app.OpenAsync(email: "ana@ifrs.edu.br");
        _clock.Advance(TimeSpan.FromMinutes(10));
        await _app.DoAsync(first, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(first, "resolve", new { resolvedAtFirstContact = true, resolution = "Senha redefinida." }, "agent-l1", "ana.l1");
        var second = await _app.OpenAsync(email: "bia@ifsp.edu.br");
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _app.DoAsync(second, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(second, "resolve", new { resolvedAtFirstContact = false, resolution = "Cache limpo." }, "agent-l1", "ana.l1");
        var third = await _app.OpenAsync(email: "caio@ufmg.br");
        _clock.Advance(TimeSpan.FromMinutes(30));
        await _app.DoAsync(third, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(third, "resolve", new { resolvedAtFirstContact = false, resolution = "Acesso liberado." }, "agent-l1", "ana.l1");
    }

    private static string Describe(ClosedMonth c) =>
        $"{c.Contract}|{c.Month}|v{c.SummaryVersion}|{c.ClosedOn:yyyy-MM-dd}|final={c.Final}|{MonthOutcomeJson.ToJson(c.Outcome, deferred: true)}|{(c.Settled is { } s ? MonthOutcomeJson.ToJson(s, deferred: true) : "none")}";

    private async Task<JsonElement> SummaryAsync(ReportMonth month)
    {
        var summary = await _app.Service<IReportStore>().ReadAsync(new ReportKey("default", month, MonthlyClosing.SummaryFile), null, Ct);
        Assert.NotNull(summary);
        return JsonDocument.Parse(summary.Content).RootElement;
    }

    private async Task<int> VersionsAsync(ReportMonth month) =>
        (await _app.Service<IReportStore>().ListVersionsAsync(new ReportKey("default", month, MonthlyClosing.SummaryFile), Ct)).Count;

    private async Task<string> TextAsync(ReportMonth month, string file) =>
        Encoding.UTF8.GetString((await _app.Service<IReportStore>().ReadAsync(new ReportKey("default", month, file), null, Ct))!.Content);

    private static JsonElement Indicator(JsonElement summary, string id) =>
        summary.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private static JsonElement Justification(JsonElement summary, string id) =>
        summary.GetProperty("settlement").GetProperty("justifications").EnumerateArray().Single(j => j.GetProperty("indicator").GetString() == id);

    private async Task<string> WriteAsync(string file, string uri)
    {
        var path = Path.Combine(_data, file);
        await File.WriteAllTextAsync(path, await _app.Staff("finance").GetStringAsync(new Uri(uri, UriKind.Relative), Ct), Ct);
        return path;
    }

    private Task<string> InvokeTimerAsync(string function) => _app.InvokeTimerAsync(function, _clock.GetUtcNow(), Ct);
}
