using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>The erasure of personal data (docs/decisions/ADR-023) on Cosmos DB: one ETag-checked replace of the ticket item
/// (rewritten entries' content and actor id, the sealing entry appended), then its list item, then the content-store
/// bodies only the rewritten entries referred to. If the process dies after the replace, the list item is rewritten by
/// the ticket's next write and the orphaned content holds data that no record points to any more (a repeated erasure
/// request finds nothing left to rewrite and is answered at once).</summary>
public sealed partial class CosmosTicketStore : ITicketErasure
{
    public async Task SaveErasureAsync(TicketErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var ticket = erasure.Ticket;
        var id = ticket.Id.ToString();
        var stored = await _gateway.ReadAsync(id, id, cancellationToken).ConfigureAwait(false);
        if (stored is null || TicketDocument.Version(stored.Body) != ticket.CommittedVersion)
        {
            throw new ConcurrencyConflictException($"Ticket {ticket.Protocol} changed since it was read (expected version {ticket.CommittedVersion}).");
        }

        var events = (JsonArray)stored.Body["events"]!;
        var released = new List<string>();
        foreach (var e in erasure.Rewritten)
        {
            var item = events.OfType<JsonObject>().SingleOrDefault(n => n["seq"]!.GetValue<int>() == e.Sequence && n["hash"]!.GetValue<string>() == e.Hash)
                ?? throw new ConcurrencyConflictException($"Ticket {ticket.Protocol}: entry {e.Sequence} is not the one that was erased.");
            if (item["dataRef"]?.GetValue<string>() is { } key)
            {
                released.Add(key);
                item.Remove("dataRef");
            }

            item["actorId"] = e.Actor.Id;
            var data = JsonSerializer.SerializeToUtf8Bytes(e.Data, EventHasher.CanonicalJson);
            if (data.Length > _options.InlineEventDataLimit)
            {
                item.Remove("data");
                item["dataRef"] = await _content.PutAsync(data, "application/json", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                item["data"] = JsonSerializer.SerializeToNode(e.Data, EventHasher.CanonicalJson);
            }
        }

        TicketDocument.Update(stored.Body, ticket, [], _clock.GetUtcNow(), _options.OutboxRetention, await OffloadAsync(ticket, cancellationToken).ConfigureAwait(false));
        if (!await _gateway.TryReplaceAsync(stored.Body, id, id, stored.ETag, cancellationToken).ConfigureAwait(false))
        {
            throw new ConcurrencyConflictException($"Ticket {ticket.Protocol} changed while it was being erased.");
        }

        await WriteSummaryAsync(ticket, cancellationToken).ConfigureAwait(false);
        var stillReferenced = TicketDocument.DataRefs(stored.Body).ToHashSet(StringComparer.Ordinal);
        foreach (var key in released.Distinct(StringComparer.Ordinal).Where(k => !stillReferenced.Contains(k)))
        {
            await _content.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        ticket.MarkCommitted();
    }
}
