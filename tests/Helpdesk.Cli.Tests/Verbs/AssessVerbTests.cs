using System.Text.Json;
using Helpdesk.Cli;

namespace Helpdesk.Cli.Tests.Verbs;

public class AssessVerbTests
{
    private static string TempFile(string name) =>
        Path.Combine(Path.GetTempPath(), $"assess-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}-{name}");

    private const string Tickets = """
        {"protocol":"20260000001","channel":"email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:03:00-03:00","uf":"DF","resolutionDueAt":"2026-03-04T18:00:00-03:00","events":[{"type":"resolved","at":"2026-03-03T11:00:00-03:00","firstContact":true},{"type":"rated","at":"2026-03-03T12:00:00-03:00","score":9}]}
        {"protocol":"20260000002","channel":"webForm","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:30:00-03:00","uf":"GO","resolutionDueAt":"2026-03-03T18:00:00-03:00","events":[{"type":"resolved","at":"2026-03-05T11:00:00-03:00","firstContact":false}]}

        """;

    [Fact]
    public async Task Writes_each_indicator_with_numerator_denominator_value_target_met_and_penalty()
    {
        var tickets = TempFile("t.jsonl");
        var output = TempFile("out.json");
        await File.WriteAllTextAsync(tickets, Tickets, TestContext.Current.CancellationToken);
        try
        {
            var (code, stdout, _) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--invoice", "200000", "--out", output);

            Assert.Equal(ExitCodes.Ok, code);
            Assert.Contains("2026-03", stdout, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
            var deadlines = json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "2");
            Assert.Equal(1, deadlines.GetProperty("numerator").GetInt32());
            Assert.Equal(2, deadlines.GetProperty("denominator").GetInt32());
            Assert.Equal(50m, deadlines.GetProperty("value").GetDecimal());
            Assert.Equal(95m, deadlines.GetProperty("target").GetDecimal());
            Assert.False(deadlines.GetProperty("met").GetBoolean());
            Assert.Equal(6m, deadlines.GetProperty("penaltyPercent").GetDecimal());          // [30, 55) → 6 %
            Assert.Equal(12_000m, deadlines.GetProperty("penaltyAmount").GetDecimal());
            Assert.Equal(["20260000001", "20260000002"], deadlines.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
            // 2: 6 %, 3: 100 % satisfied, 4: 50 % → capped 30 %, 7: 50 % → 20 points × 0.5 = 10 %
            Assert.Equal(46m, json.RootElement.GetProperty("penaltyPercent").GetDecimal());
            Assert.Equal(92_000m, json.RootElement.GetProperty("penaltyAmount").GetDecimal());
        }
        finally
        {
            File.Delete(tickets);
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Availability_comes_from_the_heartbeat_file_with_the_outages_as_evidence()
    {
        // March 2026 (São Paulo, UTC−3): a heartbeat every minute except 10/03 10:00–10:59, and a lone miss at 12:00.
        var heartbeats = TempFile("hb.csv");
        var tickets = TempFile("t2.jsonl");
        var output = TempFile("out2.json");
        var lines = new List<string> { "heartbeat" };
        for (var minute = new DateTimeOffset(2026, 3, 1, 2, 58, 0, TimeSpan.Zero); minute < new DateTimeOffset(2026, 4, 1, 3, 2, 0, TimeSpan.Zero); minute = minute.AddMinutes(1))
        {
            var local = minute.ToOffset(TimeSpan.FromHours(-3));
            if (!(local.Day == 10 && local.Month == 3 && (local.Hour == 10 || (local.Hour == 12 && local.Minute == 0))))
            {
                lines.Add(minute.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        await File.WriteAllLinesAsync(heartbeats, lines, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(tickets, Tickets, TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--availability", heartbeats, "--out", output);

            Assert.True(code == ExitCodes.Ok, stderr);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
            var six = json.RootElement.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "6");
            Assert.Equal(31m * 86_400m, six.GetProperty("denominator").GetDecimal());
            Assert.Equal(31m * 86_400m - 3_600m, six.GetProperty("numerator").GetDecimal());
            Assert.Equal(["2026-03-10T10:00:00-03:00/2026-03-10T11:00:00-03:00"], six.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("callCentre: no call-centre data", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(heartbeats);
            File.Delete(tickets);
            File.Delete(output);
        }
    }

    [Fact]
    public async Task A_bad_heartbeat_line_is_rejected_naming_the_line()
    {
        var heartbeats = TempFile("bad-hb.csv");
        var tickets = TempFile("t3.jsonl");
        await File.WriteAllTextAsync(heartbeats, "heartbeat\n2026-03-01T03:00Z\n01/03/2026 00:01\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(tickets, Tickets, TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--availability", heartbeats, "--out", TempFile("never2.json"));

            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains(":3: heartbeat:", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(heartbeats);
            File.Delete(tickets);
        }
    }

    [Theory]
    [InlineData("""{"channel":"email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""", "t.jsonl:1: protocol: required")]
    [InlineData("""{"protocol":"20260000003","channel":"fax","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""", "t.jsonl:1: channel: must be one of phone, email, webForm")]
    [InlineData("""{"protocol":"20260000003","channel":"email","receivedAt":"ontem","registeredAt":"2026-03-02T09:00:00-03:00"}""", "t.jsonl:1: receivedAt: must be an instant with its offset")]
    [InlineData("""{"protocol":"20260000003","channel":"email","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00","level":"um"}""", "t.jsonl:1: level: must be a whole number")]
    [InlineData("""[1,2]""", "t.jsonl:1: each line must be one ticket as a JSON object")]
    public async Task Errors_name_the_line_and_field_in_the_exports_words_without_type_names(string line, string expected)
    {
        var dir = Path.Combine(Path.GetTempPath(), "helpdesk-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var tickets = Path.Combine(dir, "t.jsonl");
        await File.WriteAllTextAsync(tickets, line + "\n", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--out", Path.Combine(dir, "never.json"));

            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Helpdesk.", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_ticket_line_is_rejected_naming_the_line_and_field()
    {
        var tickets = TempFile("bad.jsonl");
        await File.WriteAllTextAsync(tickets, Tickets + """{"protocol":"20260000003","channel":"fax","receivedAt":"2026-03-02T09:00:00-03:00","registeredAt":"2026-03-02T09:00:00-03:00"}""", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--out", TempFile("never.json"));

            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains(":3: channel:", stderr, StringComparison.Ordinal);   // line 3: the blank line ends line 2
        }
        finally
        {
            File.Delete(tickets);
        }
    }

    [Fact]
    public async Task A_malformed_contract_is_rejected_naming_the_field()
    {
        var tickets = TempFile("t2.jsonl");
        var contract = TempFile("contract.json");
        await File.WriteAllTextAsync(tickets, Tickets, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(contract, """{ "version": "x", "indicators": [ { "id": "1", "name": "n", "formula": "deadlinesMet", "target": 95, "comparison": "atLeast", "penalty": { "kind": "perStep", "finePerStep": 1, "step": 1, "cap": 130 } } ] }""", TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--contract", contract, "--out", TempFile("never.json"));

            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains("indicators[0].penalty.cap", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(tickets);
            File.Delete(contract);
        }
    }

    [Theory]
    [InlineData("--month")]
    [InlineData("--tickets")]
    [InlineData("--out")]
    public async Task Required_options_are_named(string missing)
    {
        string[] all = ["assess", "--month", "2026-03", "--tickets", "t.jsonl", "--out", "o.json"];
        var i = Array.IndexOf(all, missing);
        var args = all.Where((_, k) => k != i && k != i + 1).ToArray();

        var (code, _, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(missing, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_justifications_the_summary_gains_the_settlement_and_without_them_it_has_none()
    {
        var tickets = TempFile("s.jsonl");
        var justifications = TempFile("s-justifications.json");
        var settled = TempFile("s-settled.json");
        var plain = TempFile("s-plain.json");
        await File.WriteAllTextAsync(tickets, Tickets, TestContext.Current.CancellationToken);
        // Closed Wed 01/04/2026; indicator 2 justified Thu 02/04 and accepted Mon 06/04; indicator 4 never justified.
        await File.WriteAllTextAsync(justifications, """
            {"month":"2026-03","closedOn":"2026-04-01","asOf":"2026-04-20",
             "justifications":[{"indicator":"2","submittedOn":"2026-04-02","decision":"accepted","decidedOn":"2026-04-06"}]}
            """, TestContext.Current.CancellationToken);
        try
        {
            var (code, stdout, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--invoice", "200000", "--justifications", justifications, "--out", settled);
            Assert.True(code == ExitCodes.Ok, stderr);
            Assert.Contains("settled", stdout, StringComparison.Ordinal);
            (code, _, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--invoice", "200000", "--out", plain);
            Assert.True(code == ExitCodes.Ok, stderr);

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(settled, TestContext.Current.CancellationToken));
            var settlement = json.RootElement.GetProperty("settlement");
            var items = settlement.GetProperty("justifications").EnumerateArray().ToDictionary(j => j.GetProperty("indicator").GetString()!);
            Assert.Equal("waived", items["2"].GetProperty("disposition").GetString());
            Assert.Equal("applied", items["4"].GetProperty("disposition").GetString());
            Assert.Equal(12_000m, settlement.GetProperty("waivedAmount").GetDecimal());
            Assert.Equal(json.RootElement.GetProperty("penaltyAmount").GetDecimal() - 12_000m, settlement.GetProperty("ownReductionOnThisInvoice").GetDecimal());
            Assert.True(settlement.GetProperty("final").GetBoolean());

            // The figures computed from tickets are the same with or without the settlement.
            using var without = JsonDocument.Parse(await File.ReadAllTextAsync(plain, TestContext.Current.CancellationToken));
            Assert.False(without.RootElement.TryGetProperty("settlement", out _));
            Assert.Equal(without.RootElement.GetProperty("indicators").GetRawText(), json.RootElement.GetProperty("indicators").GetRawText());
            Assert.Equal(without.RootElement.GetProperty("outcome").GetRawText(), json.RootElement.GetProperty("outcome").GetRawText());
        }
        finally
        {
            File.Delete(tickets);
            File.Delete(justifications);
            File.Delete(settled);
            File.Delete(plain);
        }
    }

    [Theory]
    [InlineData("""{"month":"2026-03","closedOn":"01/04/2026","asOf":"2026-04-20"}""", "closedOn")]
    [InlineData("""{"month":"2026-03","closedOn":"2026-04-01","asOf":"2026-04-20","justifications":[{"indicator":"2","submittedOn":"2026-04-02","decision":"maybe","decidedOn":"2026-04-03"}]}""", "justifications[0].decision")]
    [InlineData("""{"month":"2026-03","closedOn":"2026-04-01","asOf":"2026-04-20","justifications":[{"indicator":"2","submittedOn":"2026-04-02","decision":"rejected"}]}""", "justifications[0].decidedOn")]
    [InlineData("""{"month":"2026-04","closedOn":"2026-05-01","asOf":"2026-05-20"}""", "month")]
    public async Task A_malformed_justifications_file_is_rejected_naming_the_field(string content, string field)
    {
        var tickets = TempFile("m.jsonl");
        var justifications = TempFile("m-justifications.json");
        await File.WriteAllTextAsync(tickets, Tickets, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(justifications, content, TestContext.Current.CancellationToken);
        try
        {
            var (code, _, stderr) = await CliRun.RunAsync("assess", "--month", "2026-03", "--tickets", tickets, "--justifications", justifications, "--out", TempFile("never.json"));
            Assert.Equal(ExitCodes.Failure, code);
            Assert.Contains($": {field}:", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(tickets);
            File.Delete(justifications);
        }
    }
}
