using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

public sealed class KnowledgeAndCatalogueApiTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> CreateArticleAsync(string title, string body, string kind = "article", string role = "agent-l2")
    {
        using var response = await _app.Staff(role).PostAsJsonAsync("/api/kb", new { kind, title, body, tags = new[] { "senha" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<List<string>> SearchAsync(string query)
    {
        var found = await _app.Staff("agent-l1").GetFromJsonAsync<JsonElement>("/api/kb?q=" + Uri.EscapeDataString(query), Ct);
        return [.. found.EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];
    }

    [Fact]
    public async Task Search_ignores_accents_and_case_in_both_directions()
    {
        await CreateArticleAsync("Redefinição de senha do SIGAA", "Acesse a opção 'Esqueci minha senha' na página de autenticação.");
        await CreateArticleAsync("Impressora", "Instale o driver.");

        Assert.Equal(["Redefinição de senha do SIGAA"], await SearchAsync("redefinicao SENHA"));
        Assert.Equal(["Redefinição de senha do SIGAA"], await SearchAsync("opcao autenticacao"));
        Assert.Equal(["Redefinição de senha do SIGAA"], await SearchAsync("AUTENTICAÇÃO"));
        Assert.Empty(await SearchAsync("redefinicao impressora"));
    }

    [Fact]
    public async Task Level_1_agents_read_but_do_not_write_the_knowledge_base()
    {
        using var response = await _app.Staff("agent-l1").PostAsJsonAsync("/api/kb", new { title = "x", body = "y" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Articles_inserted_into_replies_count_their_uses_and_most_used_come_first()
    {
        var rarely = await CreateArticleAsync("Senha expirada", "Troque a senha.", "cannedAnswer");
        var often = await CreateArticleAsync("Senha bloqueada", "Aguarde 30 minutos.", "cannedAnswer");
        var protocol = await _app.OpenAsync();
        await _app.DoAsync(protocol, "replies", new { text = "Aguarde 30 minutos.", knowledgeArticleIds = new[] { often.GetProperty("id").GetGuid() } });
        using var use = await _app.Staff("agent-l1").PostAsync(new Uri($"/api/kb/{often.GetProperty("id").GetGuid()}/uses", UriKind.Relative), JsonBody.Empty, Ct);
        Assert.Equal(HttpStatusCode.NoContent, use.StatusCode);

        var found = await _app.Staff().GetFromJsonAsync<JsonElement>("/api/kb?q=senha&kind=cannedAnswer", Ct);

        Assert.Equal([often.GetProperty("id").GetGuid(), rarely.GetProperty("id").GetGuid()], found.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(2, found[0].GetProperty("useCount").GetInt32());
    }

    [Fact]
    public async Task An_agents_reply_becomes_an_article_without_its_signature()
    {
        var protocol = await _app.OpenAsync();
        var replied = await _app.DoAsync(protocol, "replies", new { text = "Limpe o cache do navegador e entre de novo." });
        var messageId = replied.GetProperty("messages").EnumerateArray().Last(m => m.GetProperty("purpose").GetString() == "reply").GetProperty("messageId").GetString();

        using var response = await _app.Staff("agent-l2").PostAsJsonAsync("/api/kb/from-reply", new { protocol, messageId, title = "Erro após atualização" }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Limpe o cache do navegador e entre de novo.", article.GetProperty("body").GetString());
        Assert.Equal(protocol, article.GetProperty("sourceProtocol").GetString());
        Assert.Equal(["Erro após atualização"], await SearchAsync("atualizacao"));
    }

    [Fact]
    public async Task The_catalogue_lists_groups_per_level_scripts_and_the_contracts_targets_and_is_replaced_with_if_match()
    {
        using var read = await _app.Staff("agent-l1").GetAsync(new Uri("/api/catalogue", UriKind.Relative), Ct);
        var catalogue = await read.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var etag = read.Headers.ETag!.Tag;
        Assert.Contains(catalogue.GetProperty("groups").EnumerateArray(), g => g.GetProperty("level").GetInt32() == 2);
        Assert.NotEmpty(catalogue.GetProperty("categories")[0].GetProperty("script").EnumerateArray());
        Assert.Contains(catalogue.GetProperty("targets").EnumerateArray(), t => t.GetProperty("category").GetString() == "incident" && t.GetProperty("priority").GetString() == "high");

        var changed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(catalogue.GetRawText())!;
        var groups = changed["groups"].EnumerateArray().Select(g => JsonSerializer.Deserialize<Dictionary<string, object>>(g.GetRawText())!).ToList();
        groups.Add(new Dictionary<string, object> { ["code"] = "security", ["name"] = "Segurança (2º nível)", ["level"] = 2 });
        var body = new { categories = changed["categories"], priorities = changed["priorities"], groups };

        async Task<HttpResponseMessage> PutAsync(string role, string? ifMatch, object content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/catalogue", UriKind.Relative)) { Content = JsonContent.Create(content) };
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return await _app.Staff(role).SendAsync(request, Ct);
        }

        using var byAgent = await PutAsync("agent-l2", etag, body);
        using var noEtag = await PutAsync("supervisor", null, body);
        using var ok = await PutAsync("supervisor", etag, body);
        using var stale = await PutAsync("supervisor", etag, body);
        using var invalid = await PutAsync("supervisor", ok.Headers.ETag!.Tag, new { categories = changed["categories"], priorities = changed["priorities"], groups = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal((HttpStatusCode)428, noEtag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await TicketApi.ProblemAsync(invalid)).GetProperty("errors").TryGetProperty("categories[0].level1Group", out _));

        var protocol = await _app.OpenAsync();
        var escalated = await _app.DoAsync(protocol, "escalate", new { group = "security", reason = "Phishing" });
        Assert.Equal("security", escalated.GetProperty("group").GetString());
    }

    [Fact]
    public async Task The_institution_comes_from_the_editable_domain_table_and_only_admins_edit_it()
    {
        using var byAgent = await _app.Staff("supervisor").PutAsJsonAsync("/api/institutions/ifb.edu.br", new { name = "Instituto Federal de Brasília (IFB)" }, Ct);
        using var byAdmin = await _app.Staff("admin").PutAsJsonAsync("/api/institutions/ifb.edu.br", new { name = "Instituto Federal de Brasília (IFB)" }, Ct);
        using var badDomain = await _app.Staff("admin").PutAsJsonAsync("/api/institutions/not_a_domain", new { name = "X" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDomain.StatusCode);

        var protocol = await _app.OpenAsync(email: "joao@aluno.ifb.edu.br");
        var (ticket, _) = await _app.ReadAsync(protocol, "agent-l1");
        Assert.Equal("Instituto Federal de Brasília (IFB)", ticket.GetProperty("institution").GetString());
        var list = await _app.Staff("finance").GetFromJsonAsync<JsonElement>("/api/institutions", Ct);
        Assert.Contains(list.EnumerateArray(), i => i.GetProperty("domain").GetString() == "ifb.edu.br");
    }
}
