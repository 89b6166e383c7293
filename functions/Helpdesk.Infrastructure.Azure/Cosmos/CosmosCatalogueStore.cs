using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Application;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The service catalogue on Cosmos DB, the twin of <c>SqliteCatalogueStore</c>: one item (<c>type: catalogue</c>, id and
/// partition <c>catalogue</c>) holding the document and its version; absent until the first save, when the built-in
/// default at version 0 is answered. A save at the stored version is optimistic: the first one is a create (409: someone
/// saved meanwhile), later ones a replace under the ETag of the item just read (412: someone saved meanwhile); either
/// loss is a <see cref="ConcurrencyConflictException"/>, as a stale version is.
/// </summary>
public sealed class CosmosCatalogueStore(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosCatalogueStore> logger) : ICatalogueStore
{
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task<StoredCatalogue> GetAsync(CancellationToken cancellationToken)
    {
        var stored = await _gateway.ReadAsync(CosmosItems.Catalogue, CosmosItems.Catalogue, cancellationToken).ConfigureAwait(false);
        return stored is null ? new StoredCatalogue(SupportCatalogue.Default, 0) : ToStored(stored.Body);
    }

    public async Task<StoredCatalogue> SaveAsync(SupportCatalogue catalogue, int expectedVersion, string changedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var stored = await _gateway.ReadAsync(CosmosItems.Catalogue, CosmosItems.Catalogue, cancellationToken).ConfigureAwait(false);
        var current = stored is null ? 0 : stored.Body["version"]!.GetValue<int>();
        if (current != expectedVersion)
        {
            throw Conflict(current, expectedVersion);
        }

        var item = new JsonObject
        {
            ["id"] = CosmosItems.Catalogue,
            ["pk"] = CosmosItems.Catalogue,
            ["type"] = CosmosItems.CatalogueType,
            ["version"] = current + 1,
            ["document"] = JsonSerializer.SerializeToNode(catalogue, JsonDefaults.Options),
            ["changedBy"] = changedBy,
            ["changedAt"] = TicketSummaryDocument.Utc(now),
        };
        var written = stored is null
            ? await _gateway.TryCreateAsync(item, CosmosItems.Catalogue, cancellationToken).ConfigureAwait(false)
            : await _gateway.TryReplaceAsync(item, CosmosItems.Catalogue, CosmosItems.Catalogue, stored.ETag, cancellationToken).ConfigureAwait(false);
        if (!written)
        {
            throw new ConcurrencyConflictException($"The catalogue changed after version {current} was read; reload it.");
        }

        return new StoredCatalogue(catalogue, current + 1);
    }

    private static ConcurrencyConflictException Conflict(int current, int expected) => new($"The catalogue is at version {current}, not {expected}.");

    private static StoredCatalogue ToStored(JsonObject item) => new(
        item["document"].Deserialize<SupportCatalogue>(JsonDefaults.Options) ?? throw new CosmosStoreException("The stored catalogue is empty."),
        item["version"]!.GetValue<int>());
}
