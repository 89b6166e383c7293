using System.Globalization;
using System.Net;
using System.Text.Json;
using Helpdesk.Cli;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Audit;

/// <summary>
/// One embedded store with an unflagged reopening, complaint words outside any complaint category, a documented void
/// and an unexplained gap, an edited event and an unreadable one. The auditor downloads <c>/api/audit/histories</c> and
/// <c>/api/audit/ledger</c>; <c>helpdesk audit &lt;check&gt;</c> over those two files writes, byte for byte, what the
/// API answers for the same range.
/// </summary>
public sealed class AuditCliAgreementTests(AuditCliAgreementTests.Scenario scenario) : IClassFixture<AuditCliAgreementTests.Scenario>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public async Task Records_from_the_cli_equal_the_api_export(string format)
    {
        var api = await scenario.GetAsync($"/api/audit/records?format={format}&{scenario.Range}");

        var cli = await scenario.RunCliAsync(ExitCodes.Ok, $"records.{format}", "records", "--format", format);

        Assert.Equal(api, cli);
        Assert.Contains(scenario.Reopened, cli, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Protocol_continuity_from_the_cli_equals_the_api_report()
    {
        var api = await scenario.GetAsync($"/api/audit/protocols?year={scenario.Year}");

        var cli = await scenario.RunCliAsync(ExitCodes.Findings, "protocols.json", "protocols", "--ledger", scenario.LedgerFile);

        Assert.Equal(api, cli);
        var gap = Assert.Single(JsonDocument.Parse(cli).RootElement.GetProperty("gaps").EnumerateArray());
        Assert.Equal(scenario.Gap, gap.GetProperty("from").GetString());
    }

    [Fact]
    public async Task Protocol_continuity_over_a_counter_range_agrees_too()
    {
        var api = await scenario.GetAsync($"/api/audit/protocols?year={scenario.Year}&from=1&to=2");

        var cli = await scenario.RunCliAsync(null, "protocols-range.json", "protocols", "--ledger", scenario.LedgerFile, "--from", "1", "--to", "2");

        Assert.Equal(api, cli);
    }

    [Fact]
    public async Task Unflagged_reopenings_from_the_cli_equal_the_api_report()
    {
        var api = await scenario.GetAsync("/api/audit/reopenings?" + scenario.Range);

        var cli = await scenario.RunCliAsync(ExitCodes.Ok, "reopenings.json", "reopenings");

        Assert.Equal(api, cli);
        Assert.Contains(scenario.Reopened, cli, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopenings_with_every_option_agree_too()
    {
        var api = await scenario.GetAsync("/api/audit/reopenings?windowDays=10&complaintsOnly=true&requireKeyword=false&keywords=novamente,de%20novo&" + scenario.Range);

        var cli = await scenario.RunCliAsync(ExitCodes.Ok, "reopenings-options.json", "reopenings", "--window-days", "10", "--complaints-only", "--any-repetition", "--keywords", "novamente,de novo");

        Assert.Equal(api, cli);
        Assert.NotEmpty(JsonDocument.Parse(cli).RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Misclassified_complaints_from_the_cli_equal_the_api_report()
    {
        var api = await scenario.GetAsync("/api/audit/misclassified?" + scenario.Range);
        var apiCustom = await scenario.GetAsync("/api/audit/misclassified?keywords=descaso&complaintCategories=acesso&" + scenario.Range);

        var cli = await scenario.RunCliAsync(ExitCodes.Ok, "misclassified.json", "misclassified");
        var cliCustom = await scenario.RunCliAsync(ExitCodes.Ok, "misclassified-custom.json", "misclassified", "--keywords", "descaso", "--complaint-categories", "acesso");

        Assert.Equal(api, cli);
        Assert.Equal(apiCustom, cliCustom);
        Assert.Contains(scenario.Reopened, cli, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_chains_from_the_cli_equal_the_api_report_with_both_failures()
    {
        var api = await scenario.GetAsync("/api/audit/chains?" + scenario.Range);

        var cli = await scenario.RunCliAsync(ExitCodes.Findings, "chains.json", "chains");

        Assert.Equal(api, cli);
        var failures = JsonDocument.Parse(cli).RootElement.GetProperty("failures").EnumerateArray()
            .Select(f => (f.GetProperty("protocol").GetString(), f.GetProperty("atSequence").GetInt32())).ToList();
        Assert.Equal(new (string?, int)[] { (scenario.Edited, 1), (scenario.Unreadable, 2) }, failures);
    }

    [Fact]
    public async Task Raw_histories_and_the_ledger_are_for_supervisors_and_auditors_and_bad_input_names_the_field()
    {
        await scenario.GetAsync("/api/audit/histories?" + scenario.Range, "agent-l2", HttpStatusCode.Forbidden);
        await scenario.GetAsync($"/api/audit/ledger?year={scenario.Year}", "finance", HttpStatusCode.Forbidden);
        var supervisor = await scenario.GetAsync("/api/audit/histories?" + scenario.Range, "supervisor");
        var range = await scenario.GetAsync("/api/audit/histories?from=2026-03-02&to=2026-03-01", expected: HttpStatusCode.BadRequest);
        var year = await scenario.GetAsync("/api/audit/ledger?year=26", expected: HttpStatusCode.BadRequest);

        Assert.Equal(await File.ReadAllTextAsync(scenario.HistoriesFile, Ct), supervisor);
        Assert.True(JsonDocument.Parse(range).RootElement.GetProperty("errors").TryGetProperty("to", out _));
        Assert.True(JsonDocument.Parse(year).RootElement.GetProperty("errors").TryGetProperty("year", out _));
        var ledger = JsonDocument.Parse(await File.ReadAllTextAsync(scenario.LedgerFile, Ct)).RootElement;
        Assert.Equal("ligação desistida", Assert.Single(ledger.GetProperty("voids").EnumerateArray()).GetProperty("reason").GetString());
        var document = await scenario.App.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative), Ct);
        Assert.Contains("\"/api/audit/histories\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/audit/ledger\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_history_line_carries_its_events_and_head_hash()
    {
        var lines = (await File.ReadAllLinesAsync(scenario.HistoriesFile, Ct)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(5, lines.Count);
        var reopened = lines.Single(l => l.GetProperty("protocol").GetString() == scenario.Reopened);
        var events = reopened.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal("registered", events[0].GetProperty("data").GetProperty("type").GetString());
        Assert.Equal(events[^1].GetProperty("hash").GetString(), reopened.GetProperty("headHash").GetString());
        Assert.False(reopened.TryGetProperty("unreadable", out _));
        var unreadable = lines.Single(l => l.GetProperty("protocol").GetString() == scenario.Unreadable);
        Assert.Equal(2, unreadable.GetProperty("unreadable").GetProperty("sequence").GetInt32());
    }

    /// <summary>The store, its API answers and the two exported files, built once for the class.</summary>
    public sealed class Scenario : IAsyncLifetime
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("audit-agreement-").FullName;

        public RunningApp App { get; private set; } = null!;

        public string Range { get; private set; } = "";

        public int Year { get; private set; }

        public string Reopened { get; private set; } = "";

        public string Edited { get; private set; } = "";

        public string Unreadable { get; private set; } = "";

        public string Gap { get; private set; } = "";

        public string HistoriesFile => Path.Combine(_folder, "histories.jsonl");

        public string LedgerFile => Path.Combine(_folder, "ledger.json");

        public async ValueTask InitializeAsync()
        {
            App = await RunningApp.StartAsync();
            var today = Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock.ToLocal(App.Service<TimeProvider>().GetUtcNow()).Date;
            Range = $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";

            var first = await App.OpenAsync("jose@ufmg.br", "Impressora parada", "Não imprime, um absurdo.", taxId: "123.456.789-09");
            Reopened = await App.OpenAsync("jose@ufmg.br", "Impressora", "Parou NOVAMENTE; que descaso.", taxId: "123.456.789-09");
            Year = int.Parse(first[..4], CultureInfo.InvariantCulture);
            var counter = int.Parse(first[4..], CultureInfo.InvariantCulture);
            await App.DoAsync(first, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
            await App.DoAsync(first, "resolve", new { resolvedAtFirstContact = true, resolution = "Toner trocado." }, "agent-l1", "ana.l1");

            // Two numbers consumed without a ticket: one documented as void, one not.
            await App.ExecuteSqlAsync("UPDATE protocol_counters SET last = last + 2 WHERE year = $y", ("$y", Year));
            await App.ExecuteSqlAsync(
                "INSERT INTO protocol_voids(protocol, year, reason, recorded_by, recorded_at) VALUES ($p, $y, 'ligação desistida', 'sara', '2026-01-01T00:00:00.0000000Z')",
                ("$p", $"{Year}{counter + 2:D7}"),
                ("$y", Year));
            Gap = $"{Year}{counter + 3:D7}";

            Edited = await App.OpenAsync("b@ifsp.edu.br", "Original", "Pedido de acesso.");
            Unreadable = await App.OpenAsync("c@ifsp.edu.br", "Rede", "Sem rede de novo, absurdo.");
            await App.OpenAsync("maria@ifsp.edu.br", "Senha; urgente", "Troca de senha.", taxId: "529.982.247-25");
            await App.ExecuteSqlAsync("DROP TRIGGER ticket_events_no_update");
            await App.ExecuteSqlAsync(
                "UPDATE ticket_events SET data = replace(data, 'Original', 'Alterado') WHERE seq = 1 AND ticket_id = (SELECT id FROM tickets WHERE protocol = $p)",
                ("$p", Edited));
            await App.ExecuteSqlAsync(
                "UPDATE ticket_events SET data = '{\"type\":\"unknown\"}' WHERE seq = 2 AND ticket_id = (SELECT id FROM tickets WHERE protocol = $p)",
                ("$p", Unreadable));

            await File.WriteAllTextAsync(HistoriesFile, await GetAsync("/api/audit/histories?" + Range), Ct);
            await File.WriteAllTextAsync(LedgerFile, await GetAsync($"/api/audit/ledger?year={Year}"), Ct);
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }

        public async Task<string> GetAsync(string path, string role = "auditor", HttpStatusCode expected = HttpStatusCode.OK)
        {
            using var response = await App.Staff(role, "aud").GetAsync(new Uri(path, UriKind.Relative), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
            return body;
        }

        /// <summary>Runs <c>helpdesk audit &lt;check&gt; --histories … --out …</c> and returns what it wrote.</summary>
        /// <param name="exit">The exit code expected; null for either success or findings.</param>
        public async Task<string> RunCliAsync(int? exit, string outName, string check, params string[] options)
        {
            var output = Path.Combine(_folder, outName);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = await CommandLine.RunAsync(["audit", check, "--histories", HistoriesFile, .. options, "--out", output], stdout, stderr);
            Assert.True(exit is null ? code is ExitCodes.Ok or ExitCodes.Findings : code == exit, $"exit {code}: {stderr}");
            return await File.ReadAllTextAsync(output, Ct);
        }
    }
}
