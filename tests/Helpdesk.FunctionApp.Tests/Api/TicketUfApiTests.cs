using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

/// <summary>The requester's UF through the HTTP API: the institution's by default, the request's when given, an agent's
/// correction as a chained event, the list filter; a bad UF is a problem naming <c>uf</c> and writes nothing.</summary>
public sealed class TicketUfApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostTicketAsync(string email, string? uf) =>
        _app.Client.PostAsJsonAsync("/api/tickets", new { subject = "Sem acesso", description = "Erro 500.", requesterEmail = email, requesterName = "Ana", channel = "api", uf }, Ct);

    private static async Task<string> ProtocolOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString()!;
    }

    private static async Task AssertProblemNamesUf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(response)).GetProperty("errors").TryGetProperty("uf", out _), "the problem does not name 'uf'");
    }

    [Fact]
    public async Task The_institutions_uf_is_the_default_and_a_uf_given_with_the_request_wins_in_any_case()
    {
        using var institution = await _app.Staff("admin").PutAsJsonAsync("/api/institutions/ifb.edu.br", new { name = "Instituto Federal de Brasília (IFB)", uf = "df" }, Ct);
        Assert.Equal(HttpStatusCode.OK, institution.StatusCode);
        Assert.Equal("DF", (await institution.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("uf").GetString());

        using var byDefault = await PostTicketAsync("joao@aluno.ifb.edu.br", null);
        using var overridden = await PostTicketAsync("joao@aluno.ifb.edu.br", " go ");
        using var seeded = await PostTicketAsync("ana@ifrs.edu.br", null);
        using var unknown = await PostTicketAsync("ana@example.com.br", null);

        var (a, _) = await _app.ReadAsync(await ProtocolOf(byDefault));
        var (b, _) = await _app.ReadAsync(await ProtocolOf(overridden));
        var (c, _) = await _app.ReadAsync(await ProtocolOf(seeded));
        var (d, _) = await _app.ReadAsync(await ProtocolOf(unknown));
        Assert.Equal("DF", a.GetProperty("uf").GetString());
        Assert.Equal("GO", b.GetProperty("uf").GetString());
        Assert.Equal("RS", c.GetProperty("uf").GetString());
        Assert.True(!d.TryGetProperty("uf", out var none) || none.ValueKind == JsonValueKind.Null, "a requester of no known institution has no UF");
        var list = await _app.Staff("agent-l1").GetFromJsonAsync<JsonElement>("/api/institutions", Ct);
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("domain").GetString() == "ufmg.br" && i.GetProperty("uf").GetString() == "MG");
    }

    [Fact]
    public async Task A_bad_uf_is_a_problem_naming_uf_on_intake_institutions_edits_and_lists_and_opens_no_ticket()
    {
        using var intake = await PostTicketAsync("ana@ifrs.edu.br", "XX");
        using var spelled = await PostTicketAsync("ana@ifrs.edu.br", "Goiás");
        using var institution = await _app.Staff("admin").PutAsJsonAsync("/api/institutions/ifb.edu.br", new { name = "IFB", uf = "BR" }, Ct);
        using var listing = await _app.Staff().GetAsync(new Uri("/api/tickets?uf=ZZ", UriKind.Relative), Ct);

        await AssertProblemNamesUf(intake);
        await AssertProblemNamesUf(spelled);
        await AssertProblemNamesUf(institution);
        await AssertProblemNamesUf(listing);
        Assert.Empty(TicketApi.Protocols(await _app.ListAsync("")));
    }

    [Fact]
    public async Task An_agent_corrects_the_uf_as_a_chained_event_the_list_filters_on_it_and_a_bad_one_names_uf()
    {
        var protocol = await ProtocolOf(await PostTicketAsync("ana@ifrs.edu.br", null));
        var other = await ProtocolOf(await PostTicketAsync("bia@ifsp.edu.br", null));

        var changed = await _app.DoAsync(protocol, "uf", new { uf = "sc", reason = "Atende no campus de Florianópolis." }, "agent-l1", "ana.l1");
        var again = await _app.DoAsync(protocol, "uf", new { uf = "SC" }, "agent-l1", "ana.l1");
        var (_, etag) = await _app.ReadAsync(protocol);
        using var bad = await _app.ActAsync(protocol, "uf", new { uf = "Santa Catarina" }, etag, "agent-l1", "ana.l1");

        Assert.Equal("SC", changed.GetProperty("uf").GetString());
        Assert.True(changed.GetProperty("historyVerified").GetBoolean());
        var last = changed.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("ufChanged", last.GetProperty("type").GetString());
        Assert.Equal("SC", last.GetProperty("data").GetProperty("uf").GetString());
        Assert.Equal("RS", last.GetProperty("data").GetProperty("previousUf").GetString());
        Assert.Equal(changed.GetProperty("version").GetInt32(), again.GetProperty("version").GetInt32());
        await AssertProblemNamesUf(bad);
        Assert.Equal([protocol], TicketApi.Protocols(await _app.ListAsync("uf=sc")));
        Assert.Equal([other], TicketApi.Protocols(await _app.ListAsync("uf=SP")));
        var item = (await _app.ListAsync("")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("protocol").GetString() == protocol);
        Assert.Equal("SC", item.GetProperty("uf").GetString());
    }
}
