using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Knowledge;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The knowledge base on Cosmos DB, the twin of <c>SqliteKnowledgeBase</c>: one item per entry (<c>type: knowledge</c>,
/// id <c>kb-{id}</c>) in the one partition <c>knowledge</c>, with the folded <c>searchText</c> (title, tags, body). A
/// search is one single-partition query, a <c>CONTAINS</c> per folded word (as the ticket lists' search), with kind and
/// category filters; the matches are ordered most used first, then by title (ordinal, as SQLite's binary collation), in
/// memory. Updates and use counts are read-modify-write under the item's ETag, so concurrent uses are all counted.
/// </summary>
public sealed class CosmosKnowledgeBase(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosKnowledgeBase> logger) : IKnowledgeBase
{
    private const int MaxAttempts = 10;
    private const int MaxTerms = 10;
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task AddAsync(KnowledgeArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (!await _gateway.TryCreateAsync(ToItem(article), CosmosItems.KnowledgePartition, cancellationToken).ConfigureAwait(false))
        {
            throw new CosmosStoreException($"A knowledge entry with id {article.Id:N} already exists.");
        }
    }

    public Task<bool> UpdateAsync(KnowledgeArticle article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        return ChangeAsync(
            article.Id,
            item =>
            {
                item["title"] = article.Title;
                item["body"] = article.Body;
                item["tags"] = new JsonArray([.. article.Tags.Select(t => (JsonNode)JsonValue.Create(t))]);
                item["category"] = article.Category;
                item["sourceProtocol"] = article.SourceProtocol;
                item["updatedAt"] = TicketSummaryDocument.Utc(article.UpdatedAt);
                item["searchText"] = article.SearchText;
            },
            cancellationToken);
    }

    public async Task<KnowledgeArticle?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var stored = await _gateway.ReadAsync(CosmosItems.Knowledge(id), CosmosItems.KnowledgePartition, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : ToArticle(stored.Body);
    }

    public async Task<IReadOnlyList<KnowledgeArticle>> SearchAsync(KnowledgeSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var parameters = new Dictionary<string, object> { ["@type"] = CosmosItems.KnowledgeType };
        var sql = new StringBuilder("SELECT * FROM c WHERE c.pk = @pk AND c.type = @type");
        var terms = TextFolding.Terms(search.Text);
        for (var i = 0; i < terms.Count && i < MaxTerms; i++)
        {
            sql.Append(" AND CONTAINS(c.searchText, ").Append(CosmosTicketQueries.Add(parameters, "@t" + i, terms[i])).Append(')');
        }

        if (search.Kind is { } kind)
        {
            sql.Append(" AND c.kind = ").Append(CosmosTicketQueries.Add(parameters, "@kind", kind.ToString()));
        }

        if (search.Category is { Length: > 0 } category)
        {
            sql.Append(" AND c.category = ").Append(CosmosTicketQueries.Add(parameters, "@category", category));
        }

        var items = await _gateway.QueryPartitionAsync(sql.ToString(), CosmosItems.KnowledgePartition, parameters, cancellationToken).ConfigureAwait(false);
        return [.. items
            .Select(ToArticle)
            .OrderByDescending(a => a.UseCount)
            .ThenBy(a => a.Title, StringComparer.Ordinal)
            .Take(Math.Max(search.Limit, 0))];
    }

    public Task<bool> RecordUseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, item => item["useCount"] = item["useCount"]!.GetValue<int>() + 1, cancellationToken);

    /// <summary>Reads the entry, applies <paramref name="change"/> and replaces it under the ETag read (412: again);
    /// false when the entry does not exist.</summary>
    private async Task<bool> ChangeAsync(Guid id, Action<JsonObject> change, CancellationToken cancellationToken)
    {
        var itemId = CosmosItems.Knowledge(id);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(itemId, CosmosItems.KnowledgePartition, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return false;
            }

            change(stored.Body);
            if (await _gateway.TryReplaceAsync(stored.Body, itemId, CosmosItems.KnowledgePartition, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        throw new CosmosStoreException($"The knowledge entry {id:N} kept changing; giving up.");
    }

    private static JsonObject ToItem(KnowledgeArticle a) => new()
    {
        ["id"] = CosmosItems.Knowledge(a.Id),
        ["pk"] = CosmosItems.KnowledgePartition,
        ["type"] = CosmosItems.KnowledgeType,
        ["articleId"] = a.Id.ToString("N"),
        ["kind"] = a.Kind.ToString(),
        ["title"] = a.Title,
        ["body"] = a.Body,
        ["tags"] = new JsonArray([.. a.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
        ["category"] = a.Category,
        ["useCount"] = a.UseCount,
        ["sourceProtocol"] = a.SourceProtocol,
        ["createdBy"] = a.CreatedBy,
        ["createdAt"] = TicketSummaryDocument.Utc(a.CreatedAt),
        ["updatedAt"] = TicketSummaryDocument.Utc(a.UpdatedAt),
        ["searchText"] = a.SearchText,
    };

    private static KnowledgeArticle ToArticle(JsonObject item) => new()
    {
        Id = Guid.ParseExact(item["articleId"]!.GetValue<string>(), "N"),
        Kind = Enum.Parse<KnowledgeKind>(item["kind"]!.GetValue<string>()),
        Title = item["title"]!.GetValue<string>(),
        Body = item["body"]!.GetValue<string>(),
        Tags = [.. (item["tags"] as JsonArray ?? []).Select(t => t!.GetValue<string>())],
        Category = item["category"] is JsonValue category ? category.GetValue<string>() : null,
        UseCount = item["useCount"]!.GetValue<int>(),
        SourceProtocol = item["sourceProtocol"] is JsonValue source ? source.GetValue<string>() : null,
        CreatedBy = item["createdBy"]!.GetValue<string>(),
        CreatedAt = TicketDocument.ParseTime(item["createdAt"]!.GetValue<string>()),
        UpdatedAt = TicketDocument.ParseTime(item["updatedAt"]!.GetValue<string>()),
    };
}
