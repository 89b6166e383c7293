using Helpdesk.Application.Ports;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Reports;
using Helpdesk.Cli;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Finance;

/// <summary>
/// The closing's inputs besides the tickets: the call-centre CSV imported through the API and the availability probe's
/// heartbeat log, over November 2026 in São Paulo (01/11 00:00 = 03:00 UTC; 30 days = 2,592,000 s).
/// </summary>
public sealed class ClosingInputsTests : IAsyncLifetime
{
    private const string Header = "intervalStart,intervalMinutes,offered,answered,answeredWithin20s,answeredWithin30s,abandoned,abandonedAfter20s,routedToHuman,waitSeconds,handlingSeconds";

    // Two intervals: 200 offered, 170 answered within 30 s (85 %), 150 within 20 s; 190 answered + 5 abandoned after 20 s.
    private const string Calls = Header + "\n"
        + "2026-11-03T09:00:00-03:00,30,120,115,95,105,5,3,115,2070,32200\n"
        + "2026-11-12T09:00:00-03:00,30,80,75,55,65,5,2,75,1500,24000\n";

    private static readonly DateTimeOffset NovemberStart = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DecemberStart = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    // 16/11 08:00 to 16/11 16:20 São Paulo: 500 missed probes, an outage of 30,000 s.
    private static readonly DateTimeOffset OutageStart = new(2026, 11, 16, 11, 0, 0, TimeSpan.Zero);

    // 17/11 00:05 in São Paulo (the daily figures of 16/11); the closings move it to 01/12 00:30 (a fake clock only moves forward).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 17, 3, 5, 0, TimeSpan.Zero));
    private static readonly DateTimeOffset ClosingTime = new(2026, 12, 1, 3, 30, 0, TimeSpan.Zero);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(dataDirectory: _data, configure: b => b.Services.AddSingleton<TimeProvider>(_clock));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_same_csv_twice_stores_one_version_and_the_stored_file_is_the_bytes_sent()
    {
        using var first = await PutCallsAsync("2026-11", Calls);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var created = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, created.RootElement.GetProperty("intervals").GetInt32());
        Assert.Equal(1, created.RootElement.GetProperty("version").GetInt32());

        using var again = await PutCallsAsync("2026-11", Calls);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var unchanged = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Ct));
        Assert.False(unchanged.RootElement.GetProperty("created").GetBoolean());
        Assert.Equal(1, unchanged.RootElement.GetProperty("version").GetInt32());

        var versions = await _app.Service<IReportStore>().ListVersionsAsync(CallsKey, Ct);
        Assert.Single(versions);
        Assert.Equal(Calls, await DownloadAsync("/api/imports/call-centre/2026-11"));
    }

    [Theory]
    [InlineData("2026-11-03T09:00:00-03:00,30,120,115,95,105,5,3,115,abc,32200", 3, "waitSeconds")]
    [InlineData("2026-11-03T09:00:00-03:00,30,120,115,95,125,5,3,115,2070,32200", 3, "answeredWithin30s")]
    [InlineData("2026-12-01T09:00:00-03:00,30,120,115,95,105,5,3,115,2070,32200", 3, "intervalStart")]
    [InlineData("03/11/2026 09:00,30,120,115,95,105,5,3,115,2070,32200", 3, "intervalStart")]
    public async Task A_bad_row_is_a_problem_naming_its_line_and_column_and_stores_nothing(string badRow, int line, string column)
    {
        var csv = Header + "\n" + "2026-11-02T09:00:00-03:00,30,1,1,1,1,0,0,1,10,100\n" + badRow + "\n";

        using var response = await PutCallsAsync("2026-11", csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TicketApi.ProblemAsync(response);
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.Equal(column, problem.GetProperty("column").GetString());
        var message = problem.GetProperty("errors").GetProperty(column)[0].GetString();
        Assert.StartsWith($"Linha {line}, coluna {column}", message, StringComparison.Ordinal);
        Assert.Empty(await _app.Service<IReportStore>().ListVersionsAsync(CallsKey, Ct));
    }

    [Fact]
    public async Task Only_finance_and_supervisors_import_csv_only_and_the_month_is_checked()
    {
        using var agent = await PutCallsAsync("2026-11", Calls, role: "agent-l1");
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);

        using var json = await PutCallsAsync("2026-11", Calls, mediaType: "application/json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        using var month = await PutCallsAsync("11-2026", Calls);
        Assert.Equal(HttpStatusCode.BadRequest, month.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(month)).GetProperty("errors").TryGetProperty("month", out _));

        using var headerOnly = await PutCallsAsync("2026-11", Header + "\n");
        Assert.Equal(HttpStatusCode.BadRequest, headerOnly.StatusCode);

        using var none = await _app.Staff("finance").GetAsync(new Uri("/api/imports/call-centre/2026-10", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task The_closing_publishes_the_call_centre_and_availability_figures_and_helpdesk_assess_on_the_downloads_agrees()
    {
        await RecordHeartbeatsAsync(NovemberStart.AddDays(-1), DecemberStart.AddDays(1), OutageStart, OutageStart.AddMinutes(500));
        using (var put = await PutCallsAsync("2026-11", Calls))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        _clock.SetUtcNow(ClosingTime);
        await _app.InvokeTimerAsync("MonthlyClosing", _clock.GetUtcNow());

        var summary = (await _app.Service<IReportStore>().ReadAsync(SummaryKey, null, Ct))!;
        using (var json = JsonDocument.Parse(summary.Content))
        {
            var one = Indicator(json, "1");
            Assert.Equal((170m, 200m), (one.GetProperty("numerator").GetDecimal(), one.GetProperty("denominator").GetDecimal()));
            Assert.True(one.GetProperty("met").GetBoolean()); // 85 % against 85 %
            var ns = Indicator(json, "NS");
            Assert.Equal((150m, 195m), (ns.GetProperty("numerator").GetDecimal(), ns.GetProperty("denominator").GetDecimal()));
            var tma = Indicator(json, "TMA");
            Assert.Equal(56200m / 190m, tma.GetProperty("numerator").GetDecimal() / tma.GetProperty("denominator").GetDecimal());

            var six = Indicator(json, "6");
            Assert.Equal((2_592_000m - 30_000m, 2_592_000m), (six.GetProperty("numerator").GetDecimal(), six.GetProperty("denominator").GetDecimal()));
            Assert.Equal(["2026-11-16T08:00:00-03:00/2026-11-16T16:20:00-03:00"], six.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
            Assert.DoesNotContain(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("callCentre:", StringComparison.Ordinal));
        }

        // Offline: the product's downloads fed to helpdesk assess give the published summary byte for byte.
        var tickets = await SaveAsync("/api/exports/tickets?month=2026-11", "tickets.jsonl");
        var calls = await SaveAsync("/api/imports/call-centre/2026-11", "calls.csv");
        var heartbeats = await SaveAsync("/api/exports/heartbeats?month=2026-11", "heartbeats.csv");
        var justifications = await SaveAsync("/api/justifications/settlement-input?month=2026-11", "justifications.json");
        var outFile = Path.Combine(_data, "cli.json");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["assess", "--month", "2026-11", "--tickets", tickets, "--calls", calls, "--availability", heartbeats, "--justifications", justifications, "--out", outFile], stdout, stderr);
        Assert.True(exit == 0, stderr.ToString());
        Assert.Equal(Encoding.UTF8.GetString(summary.Content), await File.ReadAllTextAsync(outFile, Ct));

        // A corrected import after the closing re-closes the month at once: version 2 with the new figures, version 1 kept.
        _clock.Advance(TimeSpan.FromDays(2));
        using (var corrected = await PutCallsAsync("2026-11", Calls.Replace(",120,115,95,105,", ",120,115,75,85,", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
            using var body = JsonDocument.Parse(await corrected.Content.ReadAsStringAsync(Ct));
            Assert.Equal(2, body.RootElement.GetProperty("summaryVersion").GetInt32());
            Assert.True(body.RootElement.GetProperty("summaryChanged").GetBoolean());
        }

        // The same corrected file again, or the timer redelivered: nothing new.
        using (var again = await PutCallsAsync("2026-11", Calls.Replace(",120,115,95,105,", ",120,115,75,85,", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var logs = await _app.InvokeTimerAsync("MonthlyClosing", _clock.GetUtcNow());
        Assert.Contains("nothing published", logs, StringComparison.Ordinal);
        Assert.Equal([1, 2], (await _app.Service<IReportStore>().ListVersionsAsync(SummaryKey, Ct)).Select(v => v.Version));
        using var v2 = JsonDocument.Parse((await _app.Service<IReportStore>().ReadAsync(SummaryKey, 2, Ct))!.Content);
        Assert.Equal(150m, Indicator(v2, "1").GetProperty("numerator").GetDecimal());
        Assert.False(Indicator(v2, "1").GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task A_month_without_an_import_or_heartbeats_is_reported_as_not_measured_not_as_zero()
    {
        _clock.SetUtcNow(ClosingTime);
        await _app.InvokeTimerAsync("MonthlyClosing", _clock.GetUtcNow());

        using var json = JsonDocument.Parse((await _app.Service<IReportStore>().ReadAsync(SummaryKey, null, Ct))!.Content);
        foreach (var id in new[] { "1", "NS", "TME", "TMA", "6", "IDS" })
        {
            Assert.Equal(JsonValueKind.Null, Indicator(json, id).GetProperty("value").ValueKind);
            Assert.Equal(0m, Indicator(json, id).GetProperty("penaltyPercent").GetDecimal());
        }

        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith("callCentre: no call-centre data", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("availability: the probe's log has no heartbeat", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_daily_figures_count_the_intervals_and_the_availability_up_to_the_end_of_the_day()
    {
        await RecordHeartbeatsAsync(NovemberStart.AddDays(-1), DecemberStart.AddDays(1), OutageStart, OutageStart.AddMinutes(500));
        using (var put = await PutCallsAsync("2026-11", Calls))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        await _app.InvokeTimerAsync("DailyIndicators", _clock.GetUtcNow());

        using var response = await _app.Staff("supervisor").GetAsync(new Uri("/api/exports/daily-indicators?month=2026-11", UriKind.Relative), Ct);
        using var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var six = rows.RootElement.EnumerateArray().Single(r => r.GetProperty("indicatorId").GetString() == "6");
        Assert.Equal("2026-11-16", six.GetProperty("day").GetString());
        Assert.Equal(16m * 86_400m, six.GetProperty("denominator").GetDecimal());
        Assert.Equal(16m * 86_400m - 30_000m, six.GetProperty("numerator").GetDecimal());
        var one = rows.RootElement.EnumerateArray().Single(r => r.GetProperty("indicatorId").GetString() == "1");
        Assert.Equal(200m, one.GetProperty("denominator").GetDecimal());
    }

    private static ReportKey CallsKey => new("default", ReportMonth.Create(2026, 11), ClosingInputs.CallCentreFile);

    private static ReportKey SummaryKey => new("default", ReportMonth.Create(2026, 11), MonthlyClosing.SummaryFile);

    private static JsonElement Indicator(JsonDocument json, string id) =>
        json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id);

    private async Task<HttpResponseMessage> PutCallsAsync(string month, string csv, string role = "finance", string mediaType = "text/csv")
    {
        using var content = new StringContent(csv, new UTF8Encoding(false));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await _app.Staff(role).PutAsync(new Uri($"/api/imports/call-centre/{month}", UriKind.Relative), content, Ct);
    }

    private async Task<string> DownloadAsync(string path)
    {
        using var response = await _app.Staff("finance").GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    private async Task<string> SaveAsync(string path, string file)
    {
        var target = Path.Combine(_data, file);
        await File.WriteAllTextAsync(target, await DownloadAsync(path), Ct);
        return target;
    }

    /// <summary>One heartbeat a minute in [from, to), none in [downFrom, downTo): the probe's log in one statement.</summary>
    private async Task RecordHeartbeatsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset downFrom, DateTimeOffset downTo) =>
        await _app.Service<SqliteDatabase>().WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    WITH RECURSIVE m(t) AS (SELECT $from UNION ALL SELECT t + 60 FROM m WHERE t + 60 < $to)
                    INSERT OR IGNORE INTO heartbeats(minute, at)
                    SELECT strftime('%Y-%m-%dT%H:%M', t, 'unixepoch'), strftime('%Y-%m-%dT%H:%M:%SZ', t, 'unixepoch') FROM m
                    WHERE t < $downFrom OR t >= $downTo
                    """;
                command.Parameters.AddWithValue("$from", from.ToUnixTimeSeconds());
                command.Parameters.AddWithValue("$to", to.ToUnixTimeSeconds());
                command.Parameters.AddWithValue("$downFrom", downFrom.ToUnixTimeSeconds());
                command.Parameters.AddWithValue("$downTo", downTo.ToUnixTimeSeconds());
                return await command.ExecuteNonQueryAsync(Ct);
            },
            Ct);
}
