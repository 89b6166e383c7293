using System.Globalization;
using System.Text.Json;
using Helpdesk.Application.Audit;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Cli.Tests.Verbs;

/// <summary><c>helpdesk audit &lt;check&gt;</c> over raw-history files written by the product's own exporter
/// (<see cref="AuditHistoryJsonl"/>) from tickets built with the domain, then edited as a tamperer would.</summary>
public sealed class AuditVerbTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-3));

    private readonly string _folder = Directory.CreateTempSubdirectory("audit-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Ticket Open(int counter, string email, string subject, string description, int day = 0, string? cpf = null, string? category = null)
    {
        var at = Start.AddDays(day);
        var ticket = Ticket.Register(
            new TicketId(Guid.ParseExact(counter.ToString("D32", CultureInfo.InvariantCulture), "N")),
            ProtocolNumber.Create(2026, counter),
            new NewTicket(subject, description, EmailAddress.Parse(email), "Ana Lima", Channel.Email, at) { RequesterTaxId = cpf is null ? null : TaxId.Parse(cpf) },
            at);
        if (category is not null)
        {
            ticket.Classify(category, "p3", Actor.Agent("ana.l1"), at.AddMinutes(5));
        }

        return ticket;
    }

    private static string Line(Ticket ticket) =>
        AuditHistoryJsonl.Line(new StoredHistory(ticket.Id, ticket.Protocol.ToString(), ticket.HeadHash, ticket.History, null));

    private async Task<string> FileAsync(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", Ct);
        return path;
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task Chains_of_an_untouched_export_all_verify()
    {
        var histories = await FileAsync("h.jsonl", Line(Open(1, "a@ifsp.edu.br", "Sem acesso", "Não entro.")), "", Line(Open(2, "b@ifsp.edu.br", "VPN", "Caiu.")));

        var (code, stdout, stderr) = await CliRun.RunAsync("audit", "chains", "--histories", histories);

        Assert.True(code == ExitCodes.Ok, stderr);
        var report = Json(stdout);
        Assert.Equal(2, report.GetProperty("checked").GetInt32());
        Assert.Equal(0, report.GetProperty("failed").GetInt32());
        Assert.Empty(report.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public async Task An_edited_event_fails_its_chain_at_that_event_number_and_exits_3()
    {
        var intact = Open(1, "a@ifsp.edu.br", "Sem acesso", "Não entro.");
        var tampered = Open(2, "b@ifsp.edu.br", "VPN", "Texto original da mensagem.");
        var edited = Line(tampered).Replace("Texto original", "Texto alterado", StringComparison.Ordinal);
        var histories = await FileAsync("h.jsonl", Line(intact), edited);
        var output = PathOf("chains.json");

        var (code, stdout, _) = await CliRun.RunAsync("audit", "chains", "--histories", histories, "--out", output);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("2 chain(s) checked, 1 failed", stdout, StringComparison.Ordinal);
        var report = Json(await File.ReadAllTextAsync(output, Ct));
        var failure = Assert.Single(report.GetProperty("failures").EnumerateArray());
        Assert.Equal("20260000002", failure.GetProperty("protocol").GetString());
        Assert.Equal(2, failure.GetProperty("atSequence").GetInt32());
        Assert.Contains("edited", failure.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_last_event_fails_against_the_recorded_head()
    {
        var ticket = Open(1, "a@ifsp.edu.br", "Sem acesso", "Não entro.", category: "acesso");
        var shortened = AuditHistoryJsonl.Line(new StoredHistory(ticket.Id, ticket.Protocol.ToString(), ticket.HeadHash, ticket.History.Take(2).ToList(), null));
        var histories = await FileAsync("h.jsonl", shortened);

        var (code, stdout, _) = await CliRun.RunAsync("audit", "chains", "--histories", histories);

        Assert.Equal(ExitCodes.Findings, code);
        var failure = Assert.Single(Json(stdout).GetProperty("failures").EnumerateArray());
        Assert.Equal(2, failure.GetProperty("atSequence").GetInt32());
        Assert.Contains("recorded head", failure.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_the_store_could_not_read_is_listed_as_the_server_listed_it()
    {
        var ticket = Open(1, "a@ifsp.edu.br", "Sem acesso", "Não entro.");
        var line = AuditHistoryJsonl.Line(new StoredHistory(ticket.Id, ticket.Protocol.ToString(), ticket.HeadHash, ticket.History.Take(1).ToList(), (2, "the stored event cannot be read (its data was altered)")));
        var histories = await FileAsync("h.jsonl", line);

        var (code, stdout, _) = await CliRun.RunAsync("audit", "chains", "--histories", histories);

        Assert.Equal(ExitCodes.Findings, code);
        var failure = Assert.Single(Json(stdout).GetProperty("failures").EnumerateArray());
        Assert.Equal(2, failure.GetProperty("atSequence").GetInt32());
        Assert.Contains("cannot be read", failure.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"hash\":\"", "\"hsh\":\"", "events[0].hash", "missing")]
    [InlineData("\"actor\":{\"kind\":\"requester\",", "\"actor\":{", "events[0].actor.kind", "missing")]
    [InlineData("\"protocol\":\"20260000002\",\"headHash\"", "\"protocol\":\"2026-2\",\"headHash\"", "protocol", "11 digits")]
    [InlineData("\"type\":\"registered\"", "\"type\":\"registred\"", "events[0].data", "registred")]
    [InlineData("\"sequence\":1,", "\"sequence\":true,", "events[0].sequence", "")]
    public async Task A_malformed_line_is_rejected_naming_the_file_line_and_field(string find, string replace, string field, string detail)
    {
        var good = Line(Open(1, "a@ifsp.edu.br", "Sem acesso", "Não entro."));
        var bad = ReplaceFirst(Line(Open(2, "b@ifsp.edu.br", "VPN", "Caiu.")), find, replace);
        var histories = await FileAsync("h.jsonl", good, bad);

        var (code, stdout, stderr) = await CliRun.RunAsync("audit", "chains", "--histories", histories);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Empty(stdout);
        Assert.Contains(histories + ":2: " + field, stderr, StringComparison.Ordinal);
        Assert.Contains(detail, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_that_is_not_json_names_its_line_and_leaves_no_records_file()
    {
        var histories = await FileAsync("h.jsonl", Line(Open(1, "a@ifsp.edu.br", "Sem acesso", "Não entro.")), "{\"id\": oops}");
        var output = PathOf("records.csv");

        var (code, _, stderr) = await CliRun.RunAsync("audit", "records", "--histories", histories, "--out", output);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains(":2: id:", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Records_are_rebuilt_from_the_events_in_csv_and_jsonl()
    {
        var ticket = Open(7, "maria@ifsp.edu.br", "Sem acesso; urgente", "Não consigo entrar.", cpf: "123.456.789-09", category: "acesso");
        ticket.Assign("ana.l1", null, Actor.Agent("ana.l1"), Start.AddMinutes(10));
        ticket.Resolve(true, "Senha redefinida.", Actor.Agent("ana.l1"), Start.AddHours(1));
        var histories = await FileAsync("h.jsonl", Line(ticket));
        var csv = PathOf("r.csv");
        var jsonl = PathOf("r.jsonl");

        var csvRun = await CliRun.RunAsync("audit", "records", "--histories", histories, "--out", csv);
        var jsonRun = await CliRun.RunAsync("audit", "records", "--histories", histories, "--format", "jsonl", "--out", jsonl);

        Assert.Equal(ExitCodes.Ok, csvRun.ExitCode);
        Assert.Equal(ExitCodes.Ok, jsonRun.ExitCode);
        Assert.Contains("1 record(s)", csvRun.Stdout, StringComparison.Ordinal);
        var rows = (await File.ReadAllTextAsync(csv, Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AuditExportWriter.CsvHeader, rows[0]);
        Assert.Equal("20260000007;acesso;02/03/2026 09:00:00;02/03/2026 10:00:00;;Ana Lima;123.456.789-09;maria@ifsp.edu.br;\"Sem acesso; urgente — Não consigo entrar.\";Sim;e-mail;Não;", rows[1]);
        var record = Json((await File.ReadAllTextAsync(jsonl, Ct)).Trim());
        Assert.Equal("20260000007", record.GetProperty("protocol").GetString());
        Assert.Equal("2026-03-02T10:00:00-03:00", record.GetProperty("concludedAt").GetString());
        Assert.Equal("123.456.789-09", record.GetProperty("taxId").GetString());
    }

    [Fact]
    public async Task The_type_of_postulation_comes_from_the_catalogue_the_built_in_one_unless_a_file_is_given()
    {
        var histories = await FileAsync(
            "h.jsonl",
            Line(Open(8, "joao@ifsp.edu.br", "Atendimento ruim", "Quero registrar.", category: "complaint")),
            Line(Open(9, "rita@ifsp.edu.br", "Sem acesso", "Não entro.", category: "acesso")));
        var builtIn = SupportCatalogue.Default;
        var custom = new SupportCatalogue(
            [.. builtIn.Categories, new CatalogueCategory("acesso", "Acesso", "service-desk", "identity", "normal", [], TicketKind.Complaint)],
            builtIn.Priorities,
            builtIn.Groups);
        var catalogue = await FileAsync("catalogue.json", JsonSerializer.Serialize(custom, Helpdesk.Application.JsonDefaults.Options));
        var plain = PathOf("plain.csv");
        var withFile = PathOf("with-file.csv");

        var plainRun = await CliRun.RunAsync("audit", "records", "--histories", histories, "--out", plain);
        var fileRun = await CliRun.RunAsync("audit", "records", "--histories", histories, "--catalogue", catalogue, "--out", withFile);

        Assert.Equal(ExitCodes.Ok, plainRun.ExitCode);
        Assert.Equal(ExitCodes.Ok, fileRun.ExitCode);
        string Kinds(string path) => string.Join("|", File.ReadAllLines(path).Skip(1).Select(row => row.Split(';')[^1]));
        Assert.Equal("reclamação|", Kinds(plain));
        Assert.Equal("reclamação|reclamação", Kinds(withFile));
    }

    [Fact]
    public async Task A_catalogue_file_that_is_not_a_catalogue_is_refused_naming_the_option()
    {
        var histories = await FileAsync("h.jsonl", Line(Open(1, "a@ifsp.edu.br", "A", "a")));
        var catalogue = await FileAsync("catalogue.json", """{"categories":[]}""");

        var (code, _, stderr) = await CliRun.RunAsync("audit", "records", "--histories", histories, "--catalogue", catalogue, "--out", PathOf("r.csv"));

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--catalogue", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_neither_ticket_nor_void_is_listed_as_a_gap_and_exits_3()
    {
        // Counters 1..6 handed out: tickets 1, 2 and 5; 3 documented void; 4 and 6 unexplained.
        var histories = await FileAsync(
            "h.jsonl",
            Line(Open(1, "a@ifsp.edu.br", "A", "a")),
            Line(Open(2, "b@ifsp.edu.br", "B", "b")),
            Line(Open(5, "c@ifsp.edu.br", "C", "c")));
        var ledger = await FileAsync("ledger.json", """{"year":2026,"lastCounter":6,"voids":[{"protocol":"20260000003","reason":"ligação desistida","recordedAt":"2026-03-02T12:00:00+00:00"}]}""");

        var (code, stdout, _) = await CliRun.RunAsync("audit", "protocols", "--histories", histories, "--ledger", ledger);

        Assert.Equal(ExitCodes.Findings, code);
        var report = Json(stdout);
        Assert.Equal(3, report.GetProperty("tickets").GetInt32());
        Assert.Equal(1, report.GetProperty("voids").GetInt32());
        Assert.Equal(
            [("20260000004", "20260000004", 1), ("20260000006", "20260000006", 1)],
            report.GetProperty("gaps").EnumerateArray().Select(g => (g.GetProperty("from").GetString(), g.GetProperty("to").GetString(), g.GetProperty("count").GetInt32())));

        var within = await CliRun.RunAsync("audit", "protocols", "--histories", histories, "--ledger", ledger, "--from", "1", "--to", "3");
        Assert.Equal(ExitCodes.Ok, within.ExitCode);
        Assert.True(Json(within.Stdout).GetProperty("isContinuous").GetBoolean());
    }

    [Theory]
    [InlineData("""{"year":2026,"voids":[]}""", "lastCounter")]
    [InlineData("""{"year":2026,"lastCounter":3,"voids":[{"protocol":"20250000001","reason":"x","recordedAt":"2026-03-02T12:00:00+00:00"}]}""", "voids[0].protocol")]
    [InlineData("""{"year":26,"lastCounter":3,"voids":[]}""", "year")]
    public async Task A_malformed_ledger_is_rejected_naming_the_field(string ledgerText, string field)
    {
        var histories = await FileAsync("h.jsonl", Line(Open(1, "a@ifsp.edu.br", "A", "a")));
        var ledger = await FileAsync("ledger.json", ledgerText);

        var (code, _, stderr) = await CliRun.RunAsync("audit", "protocols", "--histories", histories, "--ledger", ledger);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("helpdesk audit protocols: " + ledger + ": ", stderr, StringComparison.Ordinal);
        Assert.Contains(field, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_complaint_saying_novamente_is_an_unflagged_reopening_with_the_requester_masked()
    {
        var histories = await FileAsync(
            "h.jsonl",
            Line(Open(1, "jose@ufmg.br", "Impressora parada", "Não imprime.", day: 0)),
            Line(Open(2, "jose@ufmg.br", "Impressora", "Parou NOVAMENTE.", day: 3)),
            Line(Open(3, "outra@ufmg.br", "Impressora", "Parou novamente.", day: 3)));

        var (code, stdout, _) = await CliRun.RunAsync("audit", "reopenings", "--histories", histories, "--window-days", "30");

        Assert.Equal(ExitCodes.Ok, code);
        var report = Json(stdout);
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal("20260000002", finding.GetProperty("protocol").GetString());
        Assert.Equal("20260000001", finding.GetProperty("previousProtocol").GetString());
        Assert.Equal("email:j***@ufmg.br", finding.GetProperty("requester").GetString());
        Assert.Equal(30, report.GetProperty("windowDays").GetInt32());

        var shortWindow = await CliRun.RunAsync("audit", "reopenings", "--histories", histories, "--window-days", "2");
        Assert.Empty(Json(shortWindow.Stdout).GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task Complaints_only_counts_a_complaint_written_as_one_under_another_category()
    {
        // Neither is in a complaint category; only the first pair is written as complaints ("absurdo", "descaso").
        var histories = await FileAsync(
            "h.jsonl",
            Line(Open(1, "jose@ufmg.br", "Rede", "Um absurdo, sem rede.", day: 0, category: "rede")),
            Line(Open(2, "jose@ufmg.br", "Rede", "Que DESCASO: sem rede novamente.", day: 1, category: "rede")),
            Line(Open(3, "lia@ufmg.br", "Senha", "Troca de senha.", day: 0, category: "acesso")),
            Line(Open(4, "lia@ufmg.br", "Senha", "Troca de senha novamente.", day: 1, category: "acesso")));

        var (code, stdout, _) = await CliRun.RunAsync("audit", "reopenings", "--histories", histories, "--complaints-only");

        Assert.Equal(ExitCodes.Ok, code);
        var report = Json(stdout);
        Assert.True(report.GetProperty("complaintsOnly").GetBoolean());
        Assert.Equal(["20260000002"], report.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("protocol").GetString()));
    }

    [Fact]
    public async Task Complaint_words_outside_the_complaint_categories_are_listed_with_a_custom_list()
    {
        var histories = await FileAsync(
            "h.jsonl",
            Line(Open(1, "c@ifsp.edu.br", "Atendimento", "Que DESCASO com o usuário!", category: "acesso")),
            Line(Open(2, "d@ifsp.edu.br", "Atendimento", "Descaso total.", category: "reclamacao")),
            Line(Open(3, "e@ifsp.edu.br", "Senha", "Pedido de troca de senha.")));

        var (code, stdout, _) = await CliRun.RunAsync("audit", "misclassified", "--histories", histories, "--keywords", "descaso, absurdo");

        Assert.Equal(ExitCodes.Ok, code);
        var report = Json(stdout);
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal("20260000001", finding.GetProperty("protocol").GetString());
        Assert.Equal(["descaso"], finding.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["descaso", "absurdo"], report.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Theory]
    [InlineData("--histories", "audit", "chains")]
    [InlineData("--format", "audit", "records", "--histories", "h.jsonl", "--format", "xls", "--out", "r.csv")]
    [InlineData("--out", "audit", "records", "--histories", "h.jsonl")]
    [InlineData("--ledger", "audit", "protocols", "--histories", "h.jsonl")]
    [InlineData("--from", "audit", "protocols", "--histories", "h.jsonl", "--ledger", "l.json", "--from", "0")]
    [InlineData("--to", "audit", "protocols", "--histories", "h.jsonl", "--ledger", "l.json", "--from", "5", "--to", "4")]
    [InlineData("--window-days", "audit", "reopenings", "--histories", "h.jsonl", "--window-days", "367")]
    [InlineData("--complaints-only", "audit", "reopenings", "--histories", "h.jsonl", "--complaints-only", "yes")]
    [InlineData("--keywords", "audit", "misclassified", "--histories", "h.jsonl", "--keywords", ", ,")]
    [InlineData("--since", "audit", "chains", "--histories", "h.jsonl", "--since", "2026-01-01")]
    public async Task Bad_arguments_name_the_argument_and_exit_2(string named, params string[] args)
    {
        var (code, _, stderr) = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("helpdesk audit " + args[1] + ": ", stderr, StringComparison.Ordinal);
        Assert.Contains(named, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_check_or_none_is_a_usage_error_listing_the_checks()
    {
        var unknown = await CliRun.RunAsync("audit", "chain", "--histories", "h.jsonl");
        var none = await CliRun.RunAsync("audit");

        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("'chain' is not one of records, protocols, reopenings, misclassified, chains", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, none.ExitCode);
        Assert.Contains("helpdesk audit <records|protocols|reopenings|misclassified|chains>", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_histories_file_is_named_and_exits_1()
    {
        var missing = PathOf("none.jsonl");

        var (code, _, stderr) = await CliRun.RunAsync("audit", "chains", "--histories", missing);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("file not found", stderr, StringComparison.Ordinal);
        Assert.Contains("none.jsonl", stderr, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var i = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{find}' is not in the line");
        return text[..i] + replace + text[(i + find.Length)..];
    }
}
