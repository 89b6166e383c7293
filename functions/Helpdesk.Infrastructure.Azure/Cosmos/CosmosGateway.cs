using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>A stored item and its ETag.</summary>
internal sealed record StoredItem(JsonObject Body, string ETag);

/// <summary>
/// The container operations the store uses, on the SDK's stream API with System.Text.Json (no Newtonsoft model):
/// every call logs its request charge, and 503/408 (the SDK already retries 429 itself, up to its configured limits)
/// are retried a few times with backoff, as the SDK's guidance advises for transient errors.
/// </summary>
/// <remarks>With <c>emulator</c> set, the loopback test server's answer to a point read of a missing item (a 500 from
/// a bug in its read handler, "Cannot read properties of undefined") is taken as the 404 a real account sends.</remarks>
internal sealed partial class CosmosGateway(Container container, ILogger logger, bool emulator = false)
{
    private const int MaxTransientRetries = 3;

    public Container Container => container;

    public async Task<StoredItem?> ReadAsync(string id, string partitionKey, CancellationToken cancellationToken)
    {
        using var response = await RunAsync("read", () => container.ReadItemStreamAsync(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound ||
            (emulator && response.StatusCode == HttpStatusCode.InternalServerError && response.ErrorMessage?.Contains("Cannot read properties of undefined", StringComparison.Ordinal) == true))
        {
            return null;
        }

        EnsureSuccess(response, "read");
        return new StoredItem(await ParseAsync(response, cancellationToken).ConfigureAwait(false), response.Headers.ETag);
    }

    /// <summary>The protocol years that have tickets (the <c>list-years</c> item, ADR-013), newest first; none before the first ticket.</summary>
    public async Task<IReadOnlyList<int>> ProtocolYearsAsync(CancellationToken cancellationToken)
    {
        var registry = await ReadAsync(CosmosItems.Years, CosmosItems.Years, cancellationToken).ConfigureAwait(false);
        return registry is null ? [] : CosmosTicketQueries.Years(registry.Body);
    }

    /// <summary>Creates the item; false if an item with its id already exists in its partition (409).</summary>
    public async Task<bool> TryCreateAsync(JsonObject item, string partitionKey, CancellationToken cancellationToken)
    {
        using var response = await RunAsync("create", () => container.CreateItemStreamAsync(ToStream(item), new PartitionKey(partitionKey), cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        EnsureSuccess(response, "create");
        return true;
    }

    /// <summary>Creates or replaces the item (last writer wins; for items a single writer owns, such as a day's figures).</summary>
    public async Task UpsertAsync(JsonObject item, string partitionKey, CancellationToken cancellationToken)
    {
        using var response = await RunAsync("upsert", () => container.UpsertItemStreamAsync(ToStream(item), new PartitionKey(partitionKey), cancellationToken: cancellationToken)).ConfigureAwait(false);
        EnsureSuccess(response, "upsert");
    }

    /// <summary>Replaces the item if it still has <paramref name="ifMatch"/>; false on 412 (someone changed it).</summary>
    public async Task<bool> TryReplaceAsync(JsonObject item, string id, string partitionKey, string ifMatch, CancellationToken cancellationToken)
    {
        var options = new ItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await RunAsync("replace", () => container.ReplaceItemStreamAsync(ToStream(item), id, new PartitionKey(partitionKey), options, cancellationToken)).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return false;
        }

        EnsureSuccess(response, "replace");
        return true;
    }

    /// <summary>Applies <paramref name="operations"/> to the item atomically on the server and returns the item as it is
    /// afterwards (one request, no ETag race: e.g. <see cref="PatchOperation.Increment(string, long)"/> of a counter);
    /// null when the item does not exist. Not retried on a timeout: an increment applied twice leaves a gap, which the
    /// protocol accounting records as void (ADR-003), never a number used twice.</summary>
    public async Task<StoredItem?> TryPatchAsync(string id, string partitionKey, IReadOnlyList<PatchOperation> operations, CancellationToken cancellationToken)
    {
        var options = new PatchItemRequestOptions { EnableContentResponseOnWrite = true };
        using var response = await container.PatchItemStreamAsync(id, new PartitionKey(partitionKey), operations, options, cancellationToken).ConfigureAwait(false);
        LogCharge(logger, "patch", (int)response.StatusCode, response.Headers.RequestCharge);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        EnsureSuccess(response, "patch");
        return new StoredItem(await ParseAsync(response, cancellationToken).ConfigureAwait(false), response.Headers.ETag);
    }

    public async Task DeleteAsync(string id, string partitionKey, string? ifMatch, CancellationToken cancellationToken)
    {
        var options = new ItemRequestOptions { IfMatchEtag = ifMatch };
        using var response = await RunAsync("delete", () => container.DeleteItemStreamAsync(id, new PartitionKey(partitionKey), options, cancellationToken)).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed))
        {
            EnsureSuccess(response, "delete");
        }
    }

    /// <summary>A query within one logical partition. The partition key is named in the SQL text too
    /// (<c>c.pk = @pk</c>), which the loopback test server needs.</summary>
    public async Task<List<JsonObject>> QueryPartitionAsync(string sql, string partitionKey, IReadOnlyDictionary<string, object> parameters, CancellationToken cancellationToken)
    {
        var results = new List<JsonObject>();
        await foreach (var item in StreamPartitionAsync(sql, partitionKey, parameters, cancellationToken).ConfigureAwait(false))
        {
            results.Add(item);
        }

        return results;
    }

    /// <summary>The results of a single-partition query, read one page at a time (only the current page is held).</summary>
    public async IAsyncEnumerable<JsonObject> StreamPartitionAsync(string sql, string partitionKey, IReadOnlyDictionary<string, object> parameters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var definition = new QueryDefinition(sql).WithParameter("@pk", partitionKey);
        foreach (var (name, value) in parameters)
        {
            definition = definition.WithParameter(name, value);
        }

        // Optimistic direct execution: a single-partition query (TOP and ORDER BY included) goes straight to its
        // partition, without the query-plan round trip (which the loopback test server cannot answer either).
        var options = new QueryRequestOptions { PartitionKey = new PartitionKey(partitionKey), EnableOptimisticDirectExecution = true };
        using var iterator = container.GetItemQueryStreamIterator(definition, requestOptions: options);
        while (iterator.HasMoreResults)
        {
            JsonArray? documents;
            using (var page = await RunAsync("query", () => iterator.ReadNextAsync(cancellationToken)).ConfigureAwait(false))
            {
                EnsureSuccess(page, "query");
                var body = await ParseAsync(page, cancellationToken).ConfigureAwait(false);
                documents = body["Documents"] as JsonArray;
            }

            foreach (var document in documents?.OfType<JsonObject>() ?? [])
            {
                yield return (JsonObject)document.DeepClone();
            }
        }
    }

    private async Task<ResponseMessage> RunAsync(string operation, Func<Task<ResponseMessage>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await call().ConfigureAwait(false);
            LogCharge(logger, operation, (int)response.StatusCode, response.Headers.RequestCharge);
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.RequestTimeout && attempt <= MaxTransientRetries)
            {
                response.Dispose();
                LogTransient(logger, operation, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1))).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    private static void EnsureSuccess(ResponseMessage response, string operation)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new CosmosStoreException($"Cosmos DB {operation} failed with {(int)response.StatusCode} {response.StatusCode}: {response.ErrorMessage}");
        }
    }

    private static async Task<JsonObject> ParseAsync(ResponseMessage response, CancellationToken cancellationToken)
    {
        var node = await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken).ConfigureAwait(false);
        return node as JsonObject ?? throw new CosmosStoreException("Cosmos DB answered with something other than a JSON object.");
    }

    private static MemoryStream ToStream(JsonObject item) => new(Encoding.UTF8.GetBytes(item.ToJsonString(JsonOptions)));

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cosmos DB {Operation}: {Status}, {RequestCharge} RU")]
    private static partial void LogCharge(ILogger logger, string operation, int status, double requestCharge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cosmos DB {Operation} transient failure, attempt {Attempt}; retrying")]
    private static partial void LogTransient(ILogger logger, string operation, int attempt);
}

/// <summary>Cosmos DB answered with an error the store cannot handle.</summary>
public sealed class CosmosStoreException(string message) : Exception(message);
