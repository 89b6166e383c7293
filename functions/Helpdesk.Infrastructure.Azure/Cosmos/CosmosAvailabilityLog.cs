using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>Heartbeats on Cosmos DB: one item per minute (the id makes a second beat in the same minute a no-op),
/// partitioned by UTC month, so that counting a period reads one partition per month it touches.</summary>
public sealed class CosmosAvailabilityLog(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosAvailabilityLog> logger) : IAvailabilityLog
{
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task RecordHeartbeatAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var partition = CosmosItems.HeartbeatPartition(at);
        var item = new JsonObject
        {
            ["id"] = CosmosItems.Heartbeat(at),
            ["pk"] = partition,
            ["type"] = CosmosItems.HeartbeatType,
            ["at"] = TicketDocument.Format(at.ToUniversalTime()),
        };
        _ = await _gateway.TryCreateAsync(item, partition, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> CountHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken) =>
        (await ListHeartbeatsAsync(fromInclusive, toExclusive, cancellationToken).ConfigureAwait(false)).Count;

    public async Task<IReadOnlyList<DateTimeOffset>> ListHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken)
    {
        var minutes = new List<DateTimeOffset>();
        var from = fromInclusive.ToUniversalTime();
        var to = toExclusive.ToUniversalTime();
        for (var month = new DateTimeOffset(from.Year, from.Month, 1, 0, 0, 0, TimeSpan.Zero); month < to; month = month.AddMonths(1))
        {
            // ISO-8601 UTC strings of one format compare in time order.
            var items = await _gateway.QueryPartitionAsync(
                "SELECT c.at FROM c WHERE c.pk = @pk AND c.type = @type AND c.at >= @from AND c.at < @to",
                CosmosItems.HeartbeatPartition(month),
                new Dictionary<string, object> { ["@type"] = CosmosItems.HeartbeatType, ["@from"] = TicketDocument.Format(from), ["@to"] = TicketDocument.Format(to) },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in items)
            {
                var at = DateTimeOffset.Parse(item["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal).ToUniversalTime();
                minutes.Add(new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero));
            }
        }

        minutes.Sort();
        return minutes;
    }
}
