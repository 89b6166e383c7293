using Helpdesk.Application.Ports;
using Helpdesk.Domain.Knowledge;

namespace Helpdesk.Infrastructure.Tests.Configuration;

/// <summary>The behaviour every <see cref="IKnowledgeBase"/> adapter must have (SQLite, Cosmos DB): entries read back as
/// written; a search keeps the entries whose folded title, tags or body contain every folded word, filtered by kind and
/// category, most used first then by title, at most the limit; updates and uses of an unknown entry report false, and
/// concurrent uses are all counted.</summary>
public abstract class KnowledgeBaseContract
{
    private static readonly DateTimeOffset Created = new(2026, 10, 5, 13, 0, 0, TimeSpan.Zero);

    protected abstract IKnowledgeBase Knowledge { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_entry_reads_back_as_written_and_an_unknown_one_is_null()
    {
        var vpn = Entry("Configurar a VPN institucional", "Instale o cliente e use o login da rede.", ["vpn", "acesso remoto"], "repair") with
        {
            UseCount = 3,
            SourceProtocol = "2026.000123",
        };
        await Knowledge.AddAsync(vpn, Ct);

        Assert.Equal(Describe(vpn), Describe(await Knowledge.GetAsync(vpn.Id, Ct)));
        Assert.Null(await Knowledge.GetAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task An_update_replaces_the_text_and_an_update_of_an_unknown_entry_is_false()
    {
        var entry = Entry("Senha do SIGAA", "Use a opção Esqueci minha senha.", ["sigaa"], null);
        await Knowledge.AddAsync(entry, Ct);
        var changed = entry with { Title = "Senha do SIGAA expirada", Body = "Peça a troca pelo portal.", Tags = ["sigaa", "senha"], Category = "request", UpdatedAt = Created.AddDays(1) };

        var updated = await Knowledge.UpdateAsync(changed, Ct);
        var unknown = await Knowledge.UpdateAsync(changed with { Id = Guid.NewGuid() }, Ct);

        Assert.True(updated);
        Assert.False(unknown);
        Assert.Equal(Describe(changed), Describe(await Knowledge.GetAsync(entry.Id, Ct)));
        Assert.Equal([entry.Id], (await Knowledge.SearchAsync(new KnowledgeSearch("portal", null, null), Ct)).Select(a => a.Id));
        Assert.Empty(await Knowledge.SearchAsync(new KnowledgeSearch("esqueci", null, null), Ct));
    }

    [Fact]
    public async Task A_search_needs_every_folded_word_and_honours_kind_category_order_and_limit()
    {
        var impressora = Entry("Impressora não imprime", "Verifique o cabo USB e a fila de impressão.", ["hardware"], "repair") with { UseCount = 1 };
        var rede = Entry("Sem rede no laboratório", "Reinicie o switch; se a impressora de rede sumir, escale.", ["rede"], "repair") with { UseCount = 5 };
        var resposta = Entry("Agradecimento", "Obrigado pelo contato; a impressora foi reparada.", [], null) with { Kind = KnowledgeKind.CannedAnswer, UseCount = 5 };
        var outra = Entry("Acesso ao e-mail", "Use o Outlook na web.", ["email"], "request");
        foreach (var entry in new[] { impressora, rede, resposta, outra })
        {
            await Knowledge.AddAsync(entry, Ct);
        }

        async Task<IEnumerable<string>> Titles(KnowledgeSearch search) => (await Knowledge.SearchAsync(search, Ct)).Select(a => a.Title);

        Assert.Equal(["Agradecimento", "Sem rede no laboratório", "Impressora não imprime"], await Titles(new KnowledgeSearch("IMPRESSORA", null, null)));
        Assert.Equal(["Impressora não imprime"], await Titles(new KnowledgeSearch("impressão cabo", null, null)));
        Assert.Equal(["Impressora não imprime"], await Titles(new KnowledgeSearch("nao imprime", null, null)));
        Assert.Equal(["Sem rede no laboratório"], await Titles(new KnowledgeSearch("laboratorio", null, null)));
        Assert.Equal(["Agradecimento"], await Titles(new KnowledgeSearch("impressora", KnowledgeKind.CannedAnswer, null)));
        Assert.Equal(["Sem rede no laboratório", "Impressora não imprime"], await Titles(new KnowledgeSearch("impressora", KnowledgeKind.Article, "repair")));
        Assert.Equal(["Agradecimento", "Sem rede no laboratório"], await Titles(new KnowledgeSearch(null, null, null, Limit: 2)));
        Assert.Equal(["Acesso ao e-mail"], await Titles(new KnowledgeSearch(null, null, "request")));
        Assert.Empty(await Titles(new KnowledgeSearch("impressora teclado", null, null)));
    }

    [Fact]
    public async Task Every_concurrent_use_is_counted_and_a_use_of_an_unknown_entry_is_false()
    {
        var entry = Entry("Resposta padrão", "Recebemos sua solicitação.", [], null) with { Kind = KnowledgeKind.CannedAnswer };
        await Knowledge.AddAsync(entry, Ct);

        var uses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await Task.Yield();
            return await Knowledge.RecordUseAsync(entry.Id, Ct);
        }));
        var unknown = await Knowledge.RecordUseAsync(Guid.NewGuid(), Ct);

        Assert.All(uses, Assert.True);
        Assert.False(unknown);
        Assert.Equal(8, (await Knowledge.GetAsync(entry.Id, Ct))!.UseCount);
    }

    private static KnowledgeArticle Entry(string title, string body, IReadOnlyList<string> tags, string? category) => new()
    {
        Id = Guid.NewGuid(),
        Kind = KnowledgeKind.Article,
        Title = title,
        Body = body,
        Tags = tags,
        Category = category,
        CreatedBy = "supervisor.ana",
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>An entry by value (its tags are a list, which a record compares by reference).</summary>
    private static string? Describe(KnowledgeArticle? article) =>
        article is null ? null : System.Text.Json.JsonSerializer.Serialize(article, Helpdesk.Application.JsonDefaults.Options);
}
