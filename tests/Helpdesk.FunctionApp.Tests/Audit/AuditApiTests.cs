using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Audit;

/// <summary>The auditors' endpoints over a real embedded store: exports, continuity, reopenings, misclassification and
/// the hash chains (a stored event is tampered with directly in SQLite).</summary>
public sealed class AuditApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private string Range
    {
        get
        {
            var today = Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock.ToLocal(_app.Service<TimeProvider>().GetUtcNow()).Date;
            return $"from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}";
        }
    }

    private async Task<string> GetAsync(string path, string role = "auditor", HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _app.Staff(role, "aud").GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    [Fact]
    public async Task The_auditor_exports_the_regulators_fields_in_csv_and_jsonl_with_the_cpf_in_full()
    {
        var protocol = await _app.OpenAsync("maria@ifsp.edu.br", "Sem acesso; urgente", "Não consigo entrar.", taxId: "123.456.789-09");
        await _app.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _app.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = true, resolution = "Senha redefinida." }, "agent-l1", "ana.l1");

        var csv = (await GetAsync("/api/audit/records?format=csv&" + Range)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = (await GetAsync("/api/audit/records?format=jsonl&" + Range)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("protocolo;classificacao;registrado_em;concluido_em;uf;nome;cpf_cnpj;codigo_cliente;descricao;resolvido_imediatamente;canal;reabertura;tipo_postulacao", csv[0]);
        var row = Assert.Single(csv, l => l.StartsWith(protocol, StringComparison.Ordinal));

        // The UF and the customer code are the institution's (ifsp.edu.br → SP); the ticket was never classified.
        Assert.Contains(";123.456.789-09;ifsp.edu.br;\"Sem acesso; urgente — Não consigo entrar.\";Sim;formulário web;Não;", row, StringComparison.Ordinal);
        Assert.Matches(@"^\d{11};;\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2};\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2};SP;Ana Lima;", row);
        using var line = JsonDocument.Parse(Assert.Single(json, l => l.Contains(protocol, StringComparison.Ordinal)));
        var r = line.RootElement;
        Assert.Equal("123.456.789-09", r.GetProperty("taxId").GetString());
        Assert.Equal("SP", r.GetProperty("uf").GetString());
        Assert.Equal("ifsp.edu.br", r.GetProperty("customerCode").GetString());
        Assert.Equal("webForm", r.GetProperty("channel").GetString());
        Assert.True(r.GetProperty("resolvedImmediately").GetBoolean());
        Assert.False(r.GetProperty("reopening").GetBoolean());
        Assert.EndsWith("-03:00", r.GetProperty("registeredAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, r.GetProperty("concludedAt").ValueKind);
    }

    [Fact]
    public async Task Other_roles_are_refused_and_bad_ranges_name_the_field()
    {
        await GetAsync("/api/audit/records?" + Range, "agent-l2", HttpStatusCode.Forbidden);
        await GetAsync("/api/audit/chains?" + Range, "finance", HttpStatusCode.Forbidden);
        await GetAsync("/api/audit/records?format=csv&" + Range, "supervisor");

        var missing = await GetAsync("/api/audit/records?to=2026-03-01", expected: HttpStatusCode.BadRequest);
        var backwards = await GetAsync("/api/audit/chains?from=2026-03-02&to=2026-03-01", expected: HttpStatusCode.BadRequest);
        var format = await GetAsync("/api/audit/records?format=xls&" + Range, expected: HttpStatusCode.BadRequest);
        var year = await GetAsync("/api/audit/protocols?year=26", expected: HttpStatusCode.BadRequest);

        Assert.True(JsonDocument.Parse(missing).RootElement.GetProperty("errors").TryGetProperty("from", out _));
        Assert.True(JsonDocument.Parse(backwards).RootElement.GetProperty("errors").TryGetProperty("to", out _));
        Assert.True(JsonDocument.Parse(format).RootElement.GetProperty("errors").TryGetProperty("format", out _));
        Assert.True(JsonDocument.Parse(year).RootElement.GetProperty("errors").TryGetProperty("year", out _));
    }

    [Fact]
    public async Task A_tampered_stored_event_is_listed_with_its_ticket_and_sequence()
    {
        var intact = await _app.OpenAsync("a@ifsp.edu.br", "Intacto");
        var tampered = await _app.OpenAsync("b@ifsp.edu.br", "Original");
        await _app.DoAsync(tampered, "notes", new { text = "nota" });

        var before = JsonDocument.Parse(await GetAsync("/api/audit/chains?" + Range)).RootElement;
        Assert.Equal(0, before.GetProperty("failed").GetInt32());
        Assert.Equal(2, before.GetProperty("checked").GetInt32());

        await _app.ExecuteSqlAsync("""
            DROP TRIGGER ticket_events_no_update;
            UPDATE ticket_events SET data = replace(data, 'Original', 'Alterado')
            WHERE seq = 1 AND ticket_id = (SELECT id FROM tickets WHERE protocol = $p);
            """, ("$p", tampered));

        var after = JsonDocument.Parse(await GetAsync("/api/audit/chains?" + Range)).RootElement;
        Assert.Equal(1, after.GetProperty("failed").GetInt32());
        var failure = Assert.Single(after.GetProperty("failures").EnumerateArray());
        Assert.Equal(tampered, failure.GetProperty("protocol").GetString());
        Assert.Equal(1, failure.GetProperty("atSequence").GetInt32());
        Assert.Contains("edited", failure.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(intact, tampered);
    }

    [Fact]
    public async Task Continuity_lists_a_number_that_is_neither_ticket_nor_void()
    {
        var first = await _app.OpenAsync();
        var year = int.Parse(first[..4], CultureInfo.InvariantCulture);
        var counter = int.Parse(first[4..], CultureInfo.InvariantCulture);
        await GetAsync($"/api/audit/protocols?year={year}").ContinueWith(t => Assert.Contains("\"gaps\":[]", t.Result, StringComparison.Ordinal), Ct);

        // Two numbers consumed without a ticket; one of them is documented as void.
        await _app.ExecuteSqlAsync("UPDATE protocol_counters SET last = last + 2 WHERE year = $y", ("$y", year));
        var voided = $"{year}{counter + 1:D7}";
        await _app.ExecuteSqlAsync("INSERT INTO protocol_voids(protocol, year, reason, recorded_by, recorded_at) VALUES ($p, $y, 'ligação desistida', 'sara', '2026-01-01T00:00:00.0000000Z')", ("$p", voided), ("$y", year));
        var third = await _app.OpenAsync();

        var report = JsonDocument.Parse(await GetAsync($"/api/audit/protocols?year={year}")).RootElement;
        var gap = Assert.Single(report.GetProperty("gaps").EnumerateArray());
        Assert.Equal($"{year}{counter + 2:D7}", gap.GetProperty("from").GetString());
        Assert.Equal(1, gap.GetProperty("count").GetInt32());
        Assert.Equal(1, report.GetProperty("voids").GetInt32());
        Assert.Equal($"{year}{counter + 3:D7}", third);
    }

    [Fact]
    public async Task A_second_complaint_of_the_same_requester_saying_novamente_is_an_unflagged_reopening()
    {
        var first = await _app.OpenAsync("jose@ufmg.br", "Impressora parada", "Não imprime.");
        var second = await _app.OpenAsync("jose@ufmg.br", "Impressora", "Parou NOVAMENTE, não solucionada.");
        await _app.OpenAsync("outra@ufmg.br", "Impressora", "Parou novamente.");

        var report = JsonDocument.Parse(await GetAsync("/api/audit/reopenings?windowDays=30&" + Range)).RootElement;

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(second, finding.GetProperty("protocol").GetString());
        Assert.Equal(first, finding.GetProperty("previousProtocol").GetString());
        Assert.Equal("email:j***@ufmg.br", finding.GetProperty("requester").GetString());
        Assert.Contains("novamente", finding.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Complaint_words_in_unclassified_tickets_are_found_with_a_custom_list()
    {
        var complaint = await _app.OpenAsync("c@ifsp.edu.br", "Atendimento", "Que DESCASO com o usuário!");
        await _app.OpenAsync("d@ifsp.edu.br", "Senha", "Pedido de troca de senha.");

        var report = JsonDocument.Parse(await GetAsync("/api/audit/misclassified?keywords=descaso,absurdo&" + Range)).RootElement;

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(complaint, finding.GetProperty("protocol").GetString());
        Assert.Equal(["descaso", "absurdo"], report.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task A_ticket_of_a_complaint_kind_category_is_a_complaint_whatever_the_category_lists_say()
    {
        var classified = await _app.OpenAsync("e@ifsp.edu.br", "Atendimento", "Que DESCASO com o usuário!");
        var unclassified = await _app.OpenAsync("f@ifsp.edu.br", "Atendimento", "Que descaso!");
        await _app.DoAsync(classified, "classify", new { category = "complaint" }, "agent-l1", "ana.l1");

        // The custom category list does not name "complaint": only the category's kind keeps it out of the findings.
        var report = JsonDocument.Parse(await GetAsync("/api/audit/misclassified?keywords=descaso&complaintCategories=reclamacao&" + Range)).RootElement;
        var csv = (await GetAsync("/api/audit/records?format=csv&" + Range)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var json = (await GetAsync("/api/audit/records?format=jsonl&" + Range)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal(unclassified, finding.GetProperty("protocol").GetString());
        Assert.EndsWith(";reclamação", Assert.Single(csv, l => l.StartsWith(classified, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(";", Assert.Single(csv, l => l.StartsWith(unclassified, StringComparison.Ordinal)), StringComparison.Ordinal);
        using var line = JsonDocument.Parse(Assert.Single(json, l => l.Contains(classified, StringComparison.Ordinal)));
        Assert.Equal("complaint", line.RootElement.GetProperty("kind").GetString());
        Assert.Equal("complaint", line.RootElement.GetProperty("classification").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_audit_endpoints()
    {
        var document = await _app.Client.GetStringAsync(new Uri("/api/openapi.json", UriKind.Relative), Ct);

        foreach (var path in new[] { "/api/audit/records", "/api/audit/protocols", "/api/audit/reopenings", "/api/audit/misclassified", "/api/audit/chains" })
        {
            Assert.Contains("\"" + path + "\"", document, StringComparison.Ordinal);
        }
    }
}
