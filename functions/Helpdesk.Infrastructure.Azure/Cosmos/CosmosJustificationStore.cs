using System.Globalization;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Penalties;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// Justifications and decisions on Cosmos DB, the twin of <c>SqliteJustificationStore</c>: one item per contract,
/// month and indicator (<c>type: justification</c>) in the partition <c>justifications-{month}-{contract}</c>, so a
/// month's list is one single-partition query. Nothing is ever overwritten, also under concurrency: a submission is a
/// create (409 when one exists: the stored one is read and returned), and a decision is a replace guarded by the ETag
/// of the undecided item just read (412: re-read; a decision recorded meanwhile wins and is returned).
/// </summary>
public sealed class CosmosJustificationStore(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosJustificationStore> logger) : IJustificationStore
{
    private const int MaxAttempts = 10;
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task<IReadOnlyList<Justification>> ListAsync(string contract, string month, CancellationToken cancellationToken)
    {
        var items = await _gateway.QueryPartitionAsync(
            "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND c.contract = @contract AND c.month = @month",
            CosmosItems.JustificationPartition(contract, month),
            new Dictionary<string, object> { ["@type"] = CosmosItems.JustificationType, ["@contract"] = contract, ["@month"] = month },
            cancellationToken).ConfigureAwait(false);
        return [.. items.Select(ToJustification).OrderBy(j => j.Indicator, StringComparer.Ordinal)];
    }

    public async Task<Justification> SubmitAsync(Justification justification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(justification);
        var partition = CosmosItems.JustificationPartition(justification.Contract, justification.Month);
        var id = CosmosItems.Justification(justification.Contract, justification.Month, justification.Indicator);
        var item = new JsonObject
        {
            ["id"] = id,
            ["pk"] = partition,
            ["type"] = CosmosItems.JustificationType,
            ["contract"] = justification.Contract,
            ["month"] = justification.Month,
            ["indicator"] = justification.Indicator,
            ["submittedOn"] = Day(justification.SubmittedOn),
            ["text"] = justification.Text,
            ["submittedBy"] = justification.SubmittedBy,
            ["decision"] = null,
            ["decidedOn"] = null,
            ["decidedBy"] = null,
        };
        if (await _gateway.TryCreateAsync(item, partition, cancellationToken).ConfigureAwait(false))
        {
            return ToJustification(item);
        }

        var stored = await _gateway.ReadAsync(id, partition, cancellationToken).ConfigureAwait(false)
            ?? throw new CosmosStoreException($"The justification of indicator {justification.Indicator} was reported as existing but cannot be read.");
        return ToJustification(stored.Body);
    }

    public async Task<Justification?> DecideAsync(string contract, string month, string indicator, JustificationDecision decision, DateOnly on, string by, CancellationToken cancellationToken)
    {
        var partition = CosmosItems.JustificationPartition(contract, month);
        var id = CosmosItems.Justification(contract, month, indicator);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(id, partition, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            if (stored.Body["decision"] is JsonValue)
            {
                return ToJustification(stored.Body); // the first decision stands
            }

            stored.Body["decision"] = decision.ToString();
            stored.Body["decidedOn"] = Day(on);
            stored.Body["decidedBy"] = by;
            if (await _gateway.TryReplaceAsync(stored.Body, id, partition, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return ToJustification(stored.Body);
            }
        }

        throw new CosmosStoreException($"The justification of indicator {indicator} kept changing; giving up.");
    }

    private static Justification ToJustification(JsonObject item) => new(
        item["contract"]!.GetValue<string>(),
        item["month"]!.GetValue<string>(),
        item["indicator"]!.GetValue<string>(),
        ParseDay(item["submittedOn"]!.GetValue<string>()),
        item["text"]!.GetValue<string>(),
        item["submittedBy"]!.GetValue<string>(),
        item["decision"] is JsonValue decision ? Enum.Parse<JustificationDecision>(decision.GetValue<string>()) : null,
        item["decidedOn"] is JsonValue decidedOn ? ParseDay(decidedOn.GetValue<string>()) : null,
        item["decidedBy"] is JsonValue decidedBy ? decidedBy.GetValue<string>() : null);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
