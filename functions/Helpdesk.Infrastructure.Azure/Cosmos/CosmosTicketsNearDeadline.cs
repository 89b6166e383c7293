using System.Globalization;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The deadline sweep's query on Cosmos DB: the list items carry the next alert instants (<c>sweepWarnAt</c>,
/// <c>sweepEscalateAt</c>, UTC ISO texts written by the store from <see cref="Application.Sla.SweepSchedule"/>, as the
/// SQLite twin's columns), and each year partition <c>list-{year}</c> is asked, by single-partition queries on the
/// composite indexes <c>(type, sweepWarnAt)</c> and <c>(type, sweepEscalateAt)</c>, for its most urgent items of each
/// kind; the answers of every year are merged by their earliest due instant. A ticket with nothing left to alert has
/// neither field set (null never compares as less or equal), so it is never read.
/// </summary>
public sealed class CosmosTicketsNearDeadline : ITicketsNearDeadline
{
    private readonly CosmosGateway _gateway;

    public CosmosTicketsNearDeadline(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosTicketsNearDeadline> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = new CosmosGateway(container, logger, options.Emulator);
    }

    public async Task<IReadOnlyList<TicketId>> ListDueAsync(DateTimeOffset now, DateTimeOffset escalationHorizon, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var years = await _gateway.ProtocolYearsAsync(cancellationToken).ConfigureAwait(false);
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var year in years)
        {
            var partition = CosmosItems.ListPartition(year);
            foreach (var (field, limit) in new[] { ("sweepWarnAt", now), ("sweepEscalateAt", escalationHorizon) })
            {
                var found = await _gateway.QueryPartitionAsync(
                    Build(field, max), partition,
                    new Dictionary<string, object> { ["@type"] = CosmosItems.SummaryType, ["@limit"] = TicketSummaryDocument.Utc(limit) },
                    cancellationToken).ConfigureAwait(false);
                foreach (var item in found)
                {
                    var id = item["ticketId"]!.GetValue<string>();
                    var at = item["at"]!.GetValue<string>();
                    if (!first.TryGetValue(id, out var known) || string.CompareOrdinal(at, known) < 0)
                    {
                        first[id] = at;
                    }
                }
            }
        }

        // UTC ISO texts of one format sort as their instants; the id breaks ties so that the order is stable.
        return first.OrderBy(p => p.Value, StringComparer.Ordinal).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(max).Select(p => TicketId.Parse(p.Key)).ToList();
    }

    /// <summary>The query of one year's partition for one of the two sweep instants, most urgent first.</summary>
    internal static string Build(string field, int top) =>
        $"SELECT TOP {top.ToString(CultureInfo.InvariantCulture)} c.ticketId, c.{field} AS at FROM c " +
        $"WHERE c.pk = @pk AND c.type = @type AND c.{field} <= @limit ORDER BY c.{field} ASC";
}
