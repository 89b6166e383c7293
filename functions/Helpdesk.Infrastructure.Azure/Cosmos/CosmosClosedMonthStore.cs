using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The typed closed months on Cosmos DB, the twin of <c>SqliteClosedMonthStore</c>: one item per contract and month
/// (<c>type: closedMonth</c>) in the partition <c>closed-months-{contract}</c>, holding <c>summaryVersion</c>,
/// <c>closedOn</c>, <c>outcome</c> and <c>settled</c> (the summary's outcome objects as JSON text, so that amounts keep
/// their exact decimal text, as the daily figures do; <c>settled</c> null without a settlement) and <c>final</c>. A save
/// never replaces the item of a later summary version, also under concurrency: the first save is a create (409: read
/// again and decide again), later ones a replace under the ETag of the item just read (412: read again and decide again).
/// </summary>
public sealed class CosmosClosedMonthStore(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosClosedMonthStore> logger) : IClosedMonthStore
{
    private const int MaxAttempts = 10;
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task<ClosedMonth?> GetAsync(string contract, AssessmentMonth month, CancellationToken cancellationToken)
    {
        var stored = await _gateway.ReadAsync(CosmosItems.ClosedMonth(contract, month.ToString()), CosmosItems.ClosedMonthsPartition(contract), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : ToClosedMonth(stored.Body);
    }

    public async Task<ClosedMonth> SaveAsync(ClosedMonth closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        var partition = CosmosItems.ClosedMonthsPartition(closed.Contract);
        var id = CosmosItems.ClosedMonth(closed.Contract, closed.Month.ToString());
        var item = new JsonObject
        {
            ["id"] = id,
            ["pk"] = partition,
            ["type"] = CosmosItems.ClosedMonthType,
            ["contract"] = closed.Contract,
            ["month"] = closed.Month.ToString(),
            ["summaryVersion"] = closed.SummaryVersion,
            ["closedOn"] = closed.ClosedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["outcome"] = MonthOutcomeJson.ToJson(closed.Outcome, deferred: true),
            ["settled"] = closed.Settled is { } settled ? MonthOutcomeJson.ToJson(settled, deferred: true) : null,
            ["final"] = closed.Final,
        };
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(id, partition, cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.Body["summaryVersion"]!.GetValue<int>() > closed.SummaryVersion)
            {
                return ToClosedMonth(stored.Body); // a later summary's record stands
            }

            var written = stored is null
                ? await _gateway.TryCreateAsync(item.DeepClone().AsObject(), partition, cancellationToken).ConfigureAwait(false)
                : await _gateway.TryReplaceAsync(item.DeepClone().AsObject(), id, partition, stored.ETag, cancellationToken).ConfigureAwait(false);
            if (written)
            {
                return ToClosedMonth(item);
            }
        }

        throw new CosmosStoreException($"The closed month {closed.Month} of {closed.Contract} kept changing; giving up.");
    }

    private static ClosedMonth ToClosedMonth(JsonObject item) => new(
        item["contract"]!.GetValue<string>(),
        AssessmentMonth.TryParse(item["month"]!.GetValue<string>(), out var month) ? month : throw new CosmosStoreException("A closed-month item has no valid month."),
        item["summaryVersion"]!.GetValue<int>(),
        DateOnly.ParseExact(item["closedOn"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        Outcome(item["outcome"]!.GetValue<string>()),
        item["settled"] is JsonValue settled ? Outcome(settled.GetValue<string>()) : null,
        item["final"]!.GetValue<bool>());

    private static MonthOutcome Outcome(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MonthOutcomeJson.Read(document.RootElement, "closedMonth.outcome");
    }
}
