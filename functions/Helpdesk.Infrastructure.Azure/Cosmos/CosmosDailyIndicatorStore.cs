using System.Globalization;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The dashboard's daily figures on Cosmos DB, the twin of <c>SqliteDailyIndicatorStore</c>: one item per day
/// (<c>type: dailyIndicators</c>, id <c>daily-{yyyy-MM-dd}</c>) holding that day's figures, in the month's partition
/// <c>daily-{yyyy-MM}</c>. Saving a day upserts its one item, so the day's figures are replaced as a whole in one
/// atomic write and saving the same figures twice changes nothing; reading a range is one single-partition query per
/// month it touches. Numbers are kept as invariant decimal text, exactly as given.
/// </summary>
public sealed class CosmosDailyIndicatorStore(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosDailyIndicatorStore> logger) : IDailyIndicatorStore
{
    private const string Sql = "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND c.day >= @from AND c.day <= @to";
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public Task SaveAsync(DateOnly day, IReadOnlyList<DailyIndicator> figures, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var partition = CosmosItems.DailyPartition(day);
        var item = new JsonObject
        {
            ["id"] = CosmosItems.Daily(day),
            ["pk"] = partition,
            ["type"] = CosmosItems.DailyIndicatorsType,
            ["day"] = Day(day),
            ["computedAt"] = TicketSummaryDocument.Utc(computedAt),
            ["figures"] = new JsonArray([.. figures.Select(f => (JsonNode)new JsonObject
            {
                ["indicator"] = f.IndicatorId,
                ["name"] = f.Name,
                ["numerator"] = Number(f.Numerator),
                ["denominator"] = Number(f.Denominator),
                ["value"] = f.Value is { } v ? Number(v) : null,
                ["target"] = f.Target is { } t ? Number(t) : null,
                ["met"] = f.Met,
            })]),
        };
        return _gateway.UpsertAsync(item, partition, cancellationToken);
    }

    public async Task<IReadOnlyList<DailyIndicator>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var figures = new List<DailyIndicator>();
        var parameters = new Dictionary<string, object> { ["@type"] = CosmosItems.DailyIndicatorsType, ["@from"] = Day(from), ["@to"] = Day(to) };
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var days = await _gateway.QueryPartitionAsync(Sql, CosmosItems.DailyPartition(month), parameters, cancellationToken).ConfigureAwait(false);
            foreach (var item in days)
            {
                var day = DateOnly.ParseExact(item["day"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                figures.AddRange(((JsonArray)item["figures"]!).Select(n => Figure(day, (JsonObject)n!)));
            }
        }

        // As SQLite's ORDER BY day, indicator (binary collation).
        return [.. figures.OrderBy(f => f.Day).ThenBy(f => f.IndicatorId, StringComparer.Ordinal)];
    }

    private static DailyIndicator Figure(DateOnly day, JsonObject f) => new(
        day,
        f["indicator"]!.GetValue<string>(),
        f["name"]!.GetValue<string>(),
        Parse(f["numerator"]!.GetValue<string>()),
        Parse(f["denominator"]!.GetValue<string>()),
        f["value"] is JsonValue value ? Parse(value.GetValue<string>()) : null,
        f["target"] is JsonValue target ? Parse(target.GetValue<string>()) : null,
        f["met"] is JsonValue met ? met.GetValue<bool>() : null);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
