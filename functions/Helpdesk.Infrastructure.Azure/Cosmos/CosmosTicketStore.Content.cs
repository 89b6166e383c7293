using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>Large event data (long e-mail bodies) lives in the content store, addressed by its SHA-256; the ticket item
/// keeps the key (docs/cosmos-data-model.md, "Sizes and large bodies"). The hash chain covers the data itself, so a
/// ticket read back verifies exactly as if the data had stayed inline.</summary>
public sealed partial class CosmosTicketStore
{
    /// <summary>Stores the data of the pending events above the inline limit; returns their keys by sequence.</summary>
    private async Task<IReadOnlyDictionary<int, string>> OffloadAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<int, string>();
        foreach (var e in ticket.PendingEvents)
        {
            var data = JsonSerializer.SerializeToUtf8Bytes(e.Data, EventHasher.CanonicalJson);
            if (data.Length > _options.InlineEventDataLimit)
            {
                keys[e.Sequence] = await _content.PutAsync(data, "application/json", cancellationToken).ConfigureAwait(false);
            }
        }

        return keys;
    }

    private async Task<Ticket> ToTicketAsync(JsonObject item, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var key in TicketDocument.DataRefs(item).Distinct(StringComparer.Ordinal))
        {
            contents[key] = await _content.GetAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new CosmosStoreException($"Ticket {item["protocol"]} refers to content {key}, which the content store does not hold.");
        }

        return TicketDocument.ToTicket(item, contents);
    }
}
