using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Configuration;

/// <summary>
/// Two function instances (each with its own local data folder, as in Azure) on one Cosmos DB database (the loopback
/// server): the service catalogue, the domain → institution table and the knowledge base edited on one are what the
/// other reads, a catalogue save with an ETag the other instance already moved past is refused, and neither instance's
/// SQLite file holds a catalogue, an edited institution or an article.
/// </summary>
public sealed class AzureModeSharedConfigurationTests(CosmosServerFixture cosmos) : IClassFixture<CosmosServerFixture>, IAsyncLifetime
{
    private readonly string _dataA = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private readonly string _dataB = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private readonly CosmosOptions _options = cosmos.Options("shared-config-" + Guid.NewGuid().ToString("N")[..12]);
    private RunningApp _a = null!;
    private RunningApp _b = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await CosmosConnection.EnsureTicketsContainerAsync(cosmos.Client, _options, Ct); // Bicep's part in Azure
        _a = await CosmosHostedApp.StartAsync(_options, _dataA);
        _b = await CosmosHostedApp.StartAsync(_options, _dataB);
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        using var _ = await cosmos.Client.GetDatabase(_options.DatabaseName).DeleteStreamAsync();
    }

    [Fact]
    public async Task Catalogue_institutions_and_knowledge_edited_on_one_instance_are_read_on_the_other()
    {
        using var read = await _a.Staff("supervisor").GetAsync(new Uri("/api/catalogue", UriKind.Relative), Ct);
        var catalogue = await read.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var etag = read.Headers.ETag!.Tag;
        var groups = catalogue.GetProperty("groups").EnumerateArray().Select(g => JsonSerializer.Deserialize<Dictionary<string, object>>(g.GetRawText())!).ToList();
        groups.Add(new Dictionary<string, object> { ["code"] = "security", ["name"] = "Segurança (2º nível)", ["level"] = 2 });
        var body = new { categories = catalogue.GetProperty("categories"), priorities = catalogue.GetProperty("priorities"), groups };

        using var saved = await PutCatalogueAsync(_a, etag, body);
        using var staleOnB = await PutCatalogueAsync(_b, etag, body);
        var onB = await _b.Staff("agent-l1").GetFromJsonAsync<JsonElement>("/api/catalogue", Ct);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleOnB.StatusCode);
        Assert.Contains(onB.GetProperty("groups").EnumerateArray(), g => g.GetProperty("code").GetString() == "security");

        using var added = await _a.Staff("admin").PutAsJsonAsync("/api/institutions/ifb.edu.br", new { name = "Instituto Federal de Brasília (IFB)", uf = "DF" }, Ct);
        using var removed = await _b.Staff("admin").DeleteAsync(new Uri("/api/institutions/ifsp.edu.br", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        foreach (var app in new[] { _a, _b })
        {
            var domains = (await app.Staff("finance").GetFromJsonAsync<JsonElement>("/api/institutions", Ct)).EnumerateArray().Select(i => i.GetProperty("domain").GetString());
            Assert.Equal(["ifb.edu.br", "ifrs.edu.br", "ifsc.edu.br", "ufmg.br"], domains);
        }

        var protocol = await _b.OpenAsync(email: "joao@aluno.ifb.edu.br");
        var (ticket, _) = await _b.ReadAsync(protocol, "agent-l1");
        Assert.Equal("Instituto Federal de Brasília (IFB)", ticket.GetProperty("institution").GetString());

        using var article = await _a.Staff("agent-l2").PostAsJsonAsync("/api/kb", new { kind = "article", title = "Certificado digital expirado", body = "Renove pelo portal da AC.", tags = new[] { "certificado" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, article.StatusCode);
        var found = await _b.Staff("agent-l1").GetFromJsonAsync<JsonElement>("/api/kb?q=" + Uri.EscapeDataString("CERTIFICADO expirado"), Ct);
        Assert.Equal(["Certificado digital expirado"], found.EnumerateArray().Select(a => a.GetProperty("title").GetString()));

        foreach (var data in new[] { _dataA, _dataB })
        {
            Assert.Equal(0, await StoreSql.CountRowsAsync(data, "catalogue") + await StoreSql.CountRowsAsync(data, "kb_articles"));
            Assert.Equal(0, await StoreSql.CountRowsAsync(data, "institution_domains", "changed_by <> 'system'"));
        }
    }

    private static async Task<HttpResponseMessage> PutCatalogueAsync(RunningApp app, string ifMatch, object content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/catalogue", UriKind.Relative)) { Content = JsonContent.Create(content) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await app.Staff("supervisor").SendAsync(request, Ct);
    }
}
