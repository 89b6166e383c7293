using System.Globalization;
using System.Runtime.CompilerServices;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The finance read side on Cosmos DB, the twin of <c>SqliteTicketHistory</c>: the tickets received before the end of
/// the period that changed during or after it, or are still active (backlog), by protocol, each loaded whole with the
/// store's point read. The selection is one single-partition query per protocol year (<c>list-{year}</c>, ADR-013) on
/// the list items, oldest year first, up to the year the period ends in; results are streamed page by page.
/// </summary>
public sealed class CosmosTicketHistory : ITicketHistory
{
    // receivedAt is on every list item written since this read side exists; older items fall back to registeredAt
    // (never earlier than receivedAt), and the loaded ticket's ReceivedAt decides exactly.
    internal const string Sql =
        "SELECT c.ticketId FROM c WHERE c.pk = @pk AND c.type = @type AND (c.receivedAt < @to OR c.registeredAt < @to) " +
        "AND (c.updatedAt >= @from OR c.status IN (@a0, @a1, @a2)) ORDER BY c.protocol";

    private readonly CosmosGateway _gateway;
    private readonly CosmosTicketStore _store;

    public CosmosTicketHistory(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, CosmosTicketStore store, ILogger<CosmosTicketHistory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = new CosmosGateway(container, logger, options.Emulator);
        _store = store;
    }

    public async IAsyncEnumerable<Ticket> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var years = await _gateway.ProtocolYearsAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new Dictionary<string, object>
        {
            ["@type"] = CosmosItems.SummaryType,
            ["@from"] = TicketSummaryDocument.Utc(from),
            ["@to"] = TicketSummaryDocument.Utc(to),
        };
        for (var i = 0; i < CosmosTicketQueries.ActiveStatuses.Length; i++)
        {
            parameters["@a" + i.ToString(CultureInfo.InvariantCulture)] = CosmosTicketQueries.ActiveStatuses[i];
        }

        // A protocol year is the registration's year in São Paulo, never later than the UTC year of the period's end.
        var lastYear = to.UtcDateTime.Year;
        foreach (var year in years.Where(y => y <= lastYear).Order())
        {
            await foreach (var item in _gateway.StreamPartitionAsync(Sql, CosmosItems.ListPartition(year), parameters, cancellationToken).ConfigureAwait(false))
            {
                if (await _store.GetAsync(TicketId.Parse(item["ticketId"]!.GetValue<string>()), cancellationToken).ConfigureAwait(false) is { } ticket
                    && ticket.ReceivedAt < to)
                {
                    yield return ticket;
                }
            }
        }
    }
}
