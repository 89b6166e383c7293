using System.Text.Json.Nodes;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>The write side of the agents' lists (ADR-013): a list item per ticket in its year's partition, and the
/// registry of the years that have tickets.</summary>
public sealed partial class CosmosTicketStore
{
    private const int MaxListItemAttempts = 10;

    /// <summary>Writes the ticket's list item unless a newer version is already there (two writers of successive
    /// versions may finish in either order; the older one never overwrites the newer).</summary>
    /// <remarks>With <paramref name="isNew"/> (a ticket just created, whose list item cannot exist yet unless a repair
    /// wrote it) the create is tried first, without the read before it; a 409 goes the usual way.</remarks>
    private async Task WriteSummaryAsync(Ticket ticket, CancellationToken cancellationToken, bool isNew = false)
    {
        var item = TicketSummaryDocument.Create(ticket, _deadlines.For(ticket));
        var id = item["id"]!.GetValue<string>();
        var partition = item["pk"]!.GetValue<string>();
        if (isNew && await _gateway.TryCreateAsync(item, partition, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        for (var attempt = 0; attempt < MaxListItemAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(id, partition, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                if (await _gateway.TryCreateAsync(item, partition, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            if (stored.Body["version"]!.GetValue<int>() >= ticket.History.Count ||
                await _gateway.TryReplaceAsync(item, id, partition, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new CosmosStoreException($"The list item of ticket {ticket.Protocol} kept changing; giving up.");
    }

    /// <summary>Writes the list item of a stored ticket item if it has none.</summary>
    private async Task RepairSummaryAsync(JsonObject ticketItem, int year, CancellationToken cancellationToken)
    {
        var id = CosmosItems.Summary(ticketItem["id"]!.GetValue<string>());
        if (await _gateway.ReadAsync(id, CosmosItems.ListPartition(year), cancellationToken).ConfigureAwait(false) is null)
        {
            var ticket = await ToTicketAsync(ticketItem, cancellationToken).ConfigureAwait(false);
            await WriteSummaryAsync(ticket, cancellationToken).ConfigureAwait(false);
            LogSummaryRepaired(_logger, ticket.Protocol.ToString());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Protocol} had no list item (its writer stopped after the ticket); written now")]
    private static partial void LogSummaryRepaired(ILogger logger, string protocol);

    /// <summary>Adds <paramref name="year"/> to the registry of years with tickets (before its first number is reserved,
    /// so that the registry never misses a year that has a ticket).</summary>
    private async Task RegisterYearAsync(int year, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxListItemAttempts; attempt++)
        {
            var stored = await _gateway.ReadAsync(CosmosItems.Years, CosmosItems.Years, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                var first = new JsonObject { ["id"] = CosmosItems.Years, ["pk"] = CosmosItems.Years, ["type"] = CosmosItems.YearsType, ["years"] = new JsonArray(year) };
                if (await _gateway.TryCreateAsync(first, CosmosItems.Years, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                continue;
            }

            var years = CosmosTicketQueries.Years(stored.Body);
            if (years.Contains(year))
            {
                return;
            }

            stored.Body["years"] = new JsonArray(years.Append(year).OrderDescending().Select(y => (JsonNode)y).ToArray());
            if (await _gateway.TryReplaceAsync(stored.Body, CosmosItems.Years, CosmosItems.Years, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }

        throw new CosmosStoreException($"Could not register the year {year} in the list registry.");
    }
}
