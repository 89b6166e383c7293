using System.Globalization;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// Held messages on Cosmos DB, the twin of <c>SqliteHeldMessages</c>: one item per message (<c>type: heldMessage</c>,
/// id <c>held-{id}</c>) in the partition <c>held-messages</c>. Holding is a create (409: the stored one is returned); a
/// decision is a replace guarded by the ETag of the undecided item just read (412: re-read; a decision recorded
/// meanwhile stands).
/// </summary>
public sealed class CosmosHeldMessages(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosHeldMessages> logger) : IHeldMessages
{
    private const int MaxAttempts = 10;
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task<(HeldMessage Message, bool Held)> HoldAsync(HeldMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var item = new JsonObject
        {
            ["id"] = ItemId(message.Id),
            ["pk"] = CosmosItems.HeldPartition,
            ["type"] = CosmosItems.HeldMessageType,
            ["heldId"] = message.Id,
            ["messageId"] = message.MessageId,
            ["from"] = message.From,
            ["subject"] = message.Subject,
            ["text"] = message.Text,
            ["receivedAt"] = Utc(message.ReceivedAt),
            ["reason"] = message.Reason,
            ["suggestedRequester"] = message.SuggestedRequester,
            ["decision"] = null,
        };
        if (await _gateway.TryCreateAsync(item, CosmosItems.HeldPartition, cancellationToken).ConfigureAwait(false))
        {
            return (ToHeld(item), true);
        }

        var stored = await GetAsync(message.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new CosmosStoreException("A held message was reported as existing but cannot be read.");
        return (stored, false);
    }

    public async Task<HeldMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await _gateway.ReadAsync(ItemId(id), CosmosItems.HeldPartition, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : ToHeld(stored.Body);
    }

    public async Task<IReadOnlyList<HeldMessage>> ListUndecidedAsync(CancellationToken cancellationToken)
    {
        var items = await _gateway.QueryPartitionAsync(
            "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND IS_NULL(c.decision)",
            CosmosItems.HeldPartition,
            new Dictionary<string, object> { ["@type"] = CosmosItems.HeldMessageType },
            cancellationToken).ConfigureAwait(false);
        return [.. items.Select(ToHeld).OrderBy(h => h.ReceivedAt).ThenBy(h => h.Id, StringComparer.Ordinal)];
    }

    public async Task<HeldMessage?> DecideAsync(string id, HeldDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(ItemId(id), CosmosItems.HeldPartition, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            if (stored.Body["decision"] is JsonObject)
            {
                return ToHeld(stored.Body); // the first decision stands
            }

            stored.Body["decision"] = new JsonObject
            {
                ["action"] = decision.Action,
                ["by"] = decision.By,
                ["at"] = Utc(decision.At),
                ["protocol"] = decision.Protocol,
                ["requester"] = decision.Requester,
                ["reason"] = decision.Reason,
            };
            if (await _gateway.TryReplaceAsync(stored.Body, ItemId(id), CosmosItems.HeldPartition, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return ToHeld(stored.Body);
            }
        }

        throw new CosmosStoreException("The held message kept changing; giving up.");
    }

    public async Task<int> CountHeldAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        // Fixed-width UTC text compares in time order.
        var items = await _gateway.QueryPartitionAsync(
            "SELECT c.id FROM c WHERE c.pk = @pk AND c.type = @type AND c.receivedAt >= @from AND c.receivedAt < @to",
            CosmosItems.HeldPartition,
            new Dictionary<string, object> { ["@type"] = CosmosItems.HeldMessageType, ["@from"] = Utc(from), ["@to"] = Utc(to) },
            cancellationToken).ConfigureAwait(false);
        return items.Count;
    }

    private static string ItemId(string id) => "held-" + id;

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseUtc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string? Text(JsonNode? node) => node is JsonValue value ? value.GetValue<string>() : null;

    private static HeldMessage ToHeld(JsonObject item) => new(
        item["heldId"]!.GetValue<string>(),
        item["messageId"]!.GetValue<string>(),
        Text(item["from"]),
        item["subject"]!.GetValue<string>(),
        item["text"]!.GetValue<string>(),
        ParseUtc(item["receivedAt"]!.GetValue<string>()),
        item["reason"]!.GetValue<string>(),
        Text(item["suggestedRequester"]),
        item["decision"] is JsonObject d
            ? new HeldDecision(d["action"]!.GetValue<string>(), d["by"]!.GetValue<string>(), ParseUtc(d["at"]!.GetValue<string>()), Text(d["protocol"]), Text(d["requester"]), Text(d["reason"]))
            : null);
}
