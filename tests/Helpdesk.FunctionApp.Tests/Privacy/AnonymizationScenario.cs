using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Application.Survey;
using Helpdesk.Cli;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Privacy;

/// <summary>
/// Issue 19, section 2, on each store: a data subject's tickets are refused for anonymization while the law keeps them
/// (LGPD art. 16, I: five years after they end), exported in full to the officer, and anonymized afterwards: no output
/// shows the person's name, e-mail, CPF or text, messages read "[removido a pedido do titular em dd/MM/yyyy]", the month's
/// assessment input is byte for byte the same, and the API and <c>helpdesk audit chains</c> report every chain intact.
/// The retention timer then erases the other requester's ended ticket by itself, once.
/// </summary>
public abstract class AnonymizationScenario : IAsyncLifetime
{
    private const string Titular = "joana.titular@ifrs.edu.br";
    private const string Other = "outro.req@ifsp.edu.br";
    private const string Cpf = "529.982.247-25";
    private const string TitularTaxId = "123.456.789-09";
    private const string Secret = "minhasenhaantiga";

    private static readonly string[] Roles = ["agent-l1", "agent-l2", "supervisor", "finance", "admin", "auditor", "dpo"];

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero)); // 10/11/2026 10:00 in São Paulo

    protected RunningApp App { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<RunningApp> StartAsync(Action<WebApplicationBuilder> configure);

    /// <summary>Under the Functions host the pages' antiforgery cookie needs HTTPS, which the test server does not speak:
    /// the pages are walked on the embedded app (they are built from the same masked view on either store).</summary>
    protected virtual bool WalkPages => true;

    public virtual async ValueTask InitializeAsync() => App = await StartAsync(b => b.Services.AddSingleton<TimeProvider>(Clock));

    public virtual async ValueTask DisposeAsync() => await App.DisposeAsync();

    private async Task<string> OpenAsync(string email, string subject, string description, string name, string? taxId)
    {
        using var response = await App.Staff("agent-l1", "ana.l1").PostAsJsonAsync("/api/tickets", new { subject, description, requesterEmail = email, requesterName = name, requesterTaxId = taxId, channel = "phone" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
    }

    private async Task<string> WorkToClosedAsync(string protocol, bool rate, bool titular = true)
    {
        var (name, email, cpf) = titular ? ("Joana Titular", Titular, Cpf) : ("Carlos Outro", Other, "111.444.777-35");
        Clock.Advance(TimeSpan.FromMinutes(5));
        await App.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await App.DoAsync(protocol, "replies", new { text = $"Olá {name}, confirme o CPF {cpf} por favor." }, "agent-l1", "ana.l1");
        await App.DoAsync(protocol, "notes", new { text = $"{name} ligou de novo; e-mail {email}." }, "agent-l1", "ana.l1");
        Clock.Advance(TimeSpan.FromMinutes(30));
        var resolved = await App.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = false, resolution = $"Senha redefinida para {name}." }, "agent-l1", "ana.l1");
        if (rate)
        {
            var token = App.Service<SurveyLinks>().CreateToken(TicketId.Parse(resolved.GetProperty("id").GetString()!), ProtocolNumber.TryParse(protocol, out var p) ? p : default, Clock.GetUtcNow().AddDays(30));
            using var rated = await App.Client.PostAsync(new Uri("/api/surveys/" + token, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["score"] = "8", ["comment"] = $"Obrigada! {Secret}" }), Ct);
            Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        }

        Clock.Advance(TimeSpan.FromHours(1));
        return (await App.DoAsync(protocol, "close", new { reason = "Confirmado pela solicitante." }, "agent-l1", "ana.l1")).GetRawText();
    }

    private async Task<HttpResponseMessage> AnonymizeAsync(string email, object body, string role = "dpo") =>
        await App.Staff(role, role + ".user").PostAsJsonAsync($"/api/requesters/{Uri.EscapeDataString(email)}/anonymize", body, Ct);

    private async Task<string> GetAsync(string path, string role)
    {
        using var response = await App.Staff(role, role + ".user").GetAsync(new Uri(path, UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} as {role}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>Every output a role can read about the tickets, as one text.</summary>
    private async Task<string> EveryOutputAsync(string role, IReadOnlyList<string> protocols)
    {
        var parts = new List<string>();
        foreach (var protocol in protocols)
        {
            parts.Add(await GetAsync("/api/tickets/" + protocol, role));
            if (WalkPages)
            {
                parts.Add(WebUtility.HtmlDecode(await GetAsync("/api/app/tickets/" + protocol, role)));
            }
        }

        parts.Add(await GetAsync("/api/tickets?status=closed", role));
        if (WalkPages)
        {
            parts.Add(WebUtility.HtmlDecode(await GetAsync("/api/app/tickets?view=all&status=closed", role)));
        }
        if (role is "supervisor" or "auditor")
        {
            parts.Add(await GetAsync("/api/audit/records?from=2026-11-01&to=2026-11-30&format=csv", role));
            parts.Add(await GetAsync("/api/audit/histories?from=2026-11-01&to=2026-11-30", role));
            parts.Add(await GetAsync("/api/audit/reopenings?from=2026-11-01&to=2026-11-30", role));
        }

        if (role is "supervisor" or "finance")
        {
            parts.Add(await GetAsync("/api/exports/tickets?month=2026-11", role));
        }

        return string.Join('\n', parts);
    }

    [Fact]
    public async Task Anonymization_erases_the_person_from_every_output_and_keeps_figures_and_chains()
    {
        var first = await OpenAsync(Titular, $"Senha do SIGAA {Cpf}", $"Meu CPF é {Cpf}, senha antiga {Secret}. Respondam em {Titular}.", "Joana Titular", TitularTaxId);
        await WorkToClosedAsync(first, rate: true);
        var second = await OpenAsync(Titular, "Outra dúvida", "Texto da segunda mensagem da Joana.", "Joana Titular", null);
        await WorkToClosedAsync(second, rate: false);
        var other = await OpenAsync(Other, "Impressora", "A impressora não imprime.", "Carlos Outro", null);
        await WorkToClosedAsync(other, rate: false, titular: false);
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero)); // November is over
        var exportBefore = await GetAsync("/api/exports/tickets?month=2026-11", "finance");

        // While the law keeps the records (five years after the end): refused, and the refusal says so.
        using (var refused = await AnonymizeAsync(Titular, new { reason = "Pedido 2026/17 do titular" }))
        {
            var problem = await TicketApi.ProblemAsync(refused);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("art. 16, I", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains($"{first} até 10/11/2031", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var denied = await AnonymizeAsync(Titular, new { reason = "x" }, "agent-l1"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        using (var noReason = await AnonymizeAsync(Titular, new { reason = " " }))
        {
            Assert.True((await TicketApi.ProblemAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        }

        // Access and portability: everything held, in full, for the officer only.
        var data = JsonDocument.Parse(await GetAsync($"/api/requesters/{Uri.EscapeDataString(Titular)}/data", "dpo")).RootElement;
        Assert.Equal([first, second], data.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("protocol").GetString()).Order());
        var firstData = data.GetProperty("tickets").EnumerateArray().Single(t => t.GetProperty("protocol").GetString() == first);
        Assert.Equal(TitularTaxId, firstData.GetProperty("requesterTaxId").GetString());
        Assert.Contains(Secret, firstData.GetProperty("messages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(Secret, firstData.GetProperty("rating").GetProperty("comment").GetString(), StringComparison.Ordinal);
        using (var agentData = await App.Staff("agent-l2", "b").GetAsync(new Uri($"/api/requesters/{Uri.EscapeDataString(Titular)}/data", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, agentData.StatusCode);
        }

        // Five years and a day after the end: anonymized.
        Clock.Advance(TimeSpan.FromDays((5 * 365) + 3));
        using (var done = await AnonymizeAsync(Titular, new { reason = "Pedido 2031/4 de Joana Titular" }))
        {
            var body = await done.Content.ReadAsStringAsync(Ct);
            Assert.True(done.StatusCode == HttpStatusCode.OK, body);
            Assert.Equal([first, second], JsonDocument.Parse(body).RootElement.GetProperty("anonymized").EnumerateArray().Select(p => p.GetString()).Order());
        }

        var today = Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(-3)).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var (ticket, _) = await App.ReadAsync(first, "dpo");
        Assert.Equal($"[removido a pedido do titular em {today}]", ticket.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal("closed", ticket.GetProperty("status").GetString());
        Assert.True(ticket.GetProperty("historyVerified").GetBoolean());
        var erasedEvent = ticket.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("personalDataErased", erasedEvent.GetProperty("type").GetString());
        Assert.Equal("agent:dpo.user", erasedEvent.GetProperty("actor").GetString());
        Assert.Equal("Pedido 2031/4 de [removido]", erasedEvent.GetProperty("data").GetProperty("reason").GetString());
        foreach (var role in Roles)
        {
            var everything = await EveryOutputAsync(role, [first, second]);
            foreach (var personal in new[] { "joana", "Joana", Cpf, "52998224725", TitularTaxId, "12345678909", Secret, "segunda mensagem" })
            {
                var at = everything.IndexOf(personal, StringComparison.OrdinalIgnoreCase);
                Assert.False(at >= 0, $"{role} still sees '{personal}': …{(at >= 0 ? everything[Math.Max(0, at - 200)..Math.Min(everything.Length, at + 100)] : "")}…");
            }
        }

        Assert.Equal(exportBefore, await GetAsync("/api/exports/tickets?month=2026-11", "finance"));
        var chains = JsonDocument.Parse(await GetAsync("/api/audit/chains?from=2026-11-01&to=2026-11-30", "auditor")).RootElement;
        Assert.Equal((3, 0), (chains.GetProperty("checked").GetInt32(), chains.GetProperty("failed").GetInt32()));
        var folder = Directory.CreateTempSubdirectory("anonymized-chains").FullName;
        var histories = Path.Combine(folder, "histories.jsonl");
        await File.WriteAllTextAsync(histories, await GetAsync("/api/audit/histories?from=2026-11-01&to=2026-11-30", "auditor"), Ct);
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            Assert.Equal(ExitCodes.Ok, await CommandLine.RunAsync(["audit", "chains", "--histories", histories, "--out", Path.Combine(folder, "chains.json")], stdout, stderr));
        }

        using (var gone = await App.Staff("dpo", "d").GetAsync(new Uri($"/api/requesters/{Uri.EscapeDataString(Titular)}/data", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode); // the person can no longer be found by their address
        }

        // The retention timer erases the other requester's ticket by itself, once.
        Assert.Contains("personal data of 1 ended ticket(s)", await App.InvokeTimerAsync("EraseExpiredPersonalData", Clock.GetUtcNow()), StringComparison.Ordinal);
        Assert.Contains("personal data of 0 ended ticket(s)", await App.InvokeTimerAsync("EraseExpiredPersonalData", Clock.GetUtcNow()), StringComparison.Ordinal);
        var (otherTicket, _) = await App.ReadAsync(other, "supervisor");
        Assert.DoesNotContain("Carlos", otherTicket.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Other, otherTicket.GetRawText(), StringComparison.Ordinal);
        Assert.StartsWith("[removido ao fim do prazo de guarda em ", otherTicket.GetProperty("messages")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(exportBefore, await GetAsync("/api/exports/tickets?month=2026-11", "finance"));
        chains = JsonDocument.Parse(await GetAsync("/api/audit/chains?from=2026-11-01&to=2026-11-30", "auditor")).RootElement;
        Assert.Equal((3, 0), (chains.GetProperty("checked").GetInt32(), chains.GetProperty("failed").GetInt32()));
    }

    /// <summary>Issue 20 §6: a person's files are part of their data. The officer's export lists each file (id, name as
    /// sent, type, size, SHA-256); after the anonymization no output names a file and none can be downloaded, while the
    /// chain still verifies. (The bytes stay in the content-addressed store, which other tickets may share: ADR-024.)</summary>
    [Fact]
    public async Task A_persons_files_are_in_their_export_and_gone_from_every_output_after_anonymization()
    {
        using (var mail = await App.PostEmailAsync(AttachmentMessages.WithFiles("files-" + Guid.NewGuid().ToString("N") + "@ifrs.edu.br", from: Titular, subject: "Documentos da Joana")))
        {
            Assert.Equal(HttpStatusCode.Created, mail.StatusCode);
        }

        var protocol = JsonDocument.Parse(await GetAsync("/api/tickets?status=new", "supervisor")).RootElement.GetProperty("items").EnumerateArray()
            .Single(t => t.GetProperty("subject").GetString() == "Documentos da Joana").GetProperty("protocol").GetString()!;
        var (before, _) = await App.ReadAsync(protocol, "agent-l1");
        var pdf = before.GetProperty("messages")[0].GetProperty("attachments").EnumerateArray().Single(a => a.GetProperty("name").GetString() == AttachmentMessages.PdfName);
        var pdfId = pdf.GetProperty("id").GetString()!;
        await WorkToClosedAsync(protocol, rate: false);
        Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 4, 0, 0, TimeSpan.Zero));

        var data = JsonDocument.Parse(await GetAsync($"/api/requesters/{Uri.EscapeDataString(Titular)}/data", "dpo")).RootElement;
        var files = data.GetProperty("tickets")[0].GetProperty("messages")[0].GetProperty("attachments").EnumerateArray().ToList();
        var exported = Assert.Single(files, f => f.GetProperty("name").GetString() == AttachmentMessages.PdfName);
        Assert.Equal(pdfId, exported.GetProperty("id").GetString());
        Assert.Equal("application/pdf", exported.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(AttachmentMessages.Pdf)), exported.GetProperty("sha256").GetString());
        Assert.Contains(files, f => f.GetProperty("name").GetString() == "tela.png");

        Clock.Advance(TimeSpan.FromDays((5 * 365) + 3));
        using (var done = await AnonymizeAsync(Titular, new { reason = "Pedido do titular" }))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        var (after, _) = await App.ReadAsync(protocol, "supervisor");
        Assert.True(after.GetProperty("historyVerified").GetBoolean());
        Assert.Empty(after.GetProperty("messages")[0].GetProperty("attachments").EnumerateArray());
        foreach (var name in new[] { "relatório", "tela.png", "ofício", "pagina.html" })
        {
            Assert.DoesNotContain(name, after.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        using var download = await App.Staff("supervisor", "sara").GetAsync(new Uri($"/api/tickets/{protocol}/attachments/{pdfId}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }
}

/// <summary>The scenario on the embedded store (SQLite).</summary>
public sealed class SqliteAnonymizationTests : AnonymizationScenario
{
    protected override Task<RunningApp> StartAsync(Action<WebApplicationBuilder> configure) => RunningApp.StartAsync(configure: configure);
}

/// <summary>The scenario on Cosmos DB (the loopback server), the app run as the Functions host runs it.</summary>
public sealed class CosmosAnonymizationTests(CosmosServerFixture cosmos) : AnonymizationScenario, IClassFixture<CosmosServerFixture>
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private readonly CosmosOptions _options = cosmos.Options("lgpd-" + Guid.NewGuid().ToString("N")[..12]);

    protected override bool WalkPages => false;

    protected override async Task<RunningApp> StartAsync(Action<WebApplicationBuilder> configure)
    {
        await CosmosConnection.EnsureTicketsContainerAsync(cosmos.Client, _options, Ct);
        return await CosmosHostedApp.StartAsync(_options, _data, configure);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        using var _ = await cosmos.Client.GetDatabase(_options.DatabaseName).DeleteStreamAsync();
    }
}
