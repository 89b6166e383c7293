using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Application.Outbox;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The ticket item: the ticket's summary fields (for queries), its whole hash-chained history, and the outbox
/// entries of its recent writes (forwarded by the change feed). One item, so that one ETag-checked write is atomic.
/// </summary>
internal static class TicketDocument
{
    public static JsonObject Create(Ticket ticket, IEnumerable<OutboxMessage> outbox, DateTimeOffset now, IReadOnlyDictionary<int, string> offloaded)
    {
        var id = ticket.Id.ToString();
        var item = new JsonObject
        {
            ["id"] = id,
            ["pk"] = id,
            ["type"] = CosmosItems.TicketType,
            ["schema"] = 1,
            ["events"] = new JsonArray(),
            ["outbox"] = new JsonArray(),
        };
        Update(item, ticket, outbox, now, TimeSpan.MaxValue, offloaded);
        return item;
    }

    /// <summary>Appends the pending events and the new outbox entries; drops outbox entries older than the retention. An
    /// event in <paramref name="offloaded"/> (by sequence) keeps only the content key of its data (<c>dataRef</c>).</summary>
    public static void Update(JsonObject item, Ticket ticket, IEnumerable<OutboxMessage> outbox, DateTimeOffset now, TimeSpan outboxRetention, IReadOnlyDictionary<int, string> offloaded)
    {
        item["protocol"] = ticket.Protocol.ToString();
        item["year"] = ticket.Protocol.Year;
        item["status"] = JsonNamingPolicy.CamelCase.ConvertName(ticket.Status.ToString());
        item["subject"] = ticket.Subject;
        item["channel"] = JsonNamingPolicy.CamelCase.ConvertName(ticket.Channel.ToString());
        item["registeredAt"] = Format(ticket.RegisteredAt);
        item["updatedAt"] = Format(ticket.History[^1].At);
        item["version"] = ticket.History.Count;
        item["headHash"] = ticket.HeadHash;

        var events = (JsonArray)item["events"]!;
        foreach (var e in ticket.PendingEvents)
        {
            var stored = new JsonObject
            {
                ["seq"] = e.Sequence,
                ["at"] = Format(e.At),
                ["actorKind"] = e.Actor.Kind,
                ["actorId"] = e.Actor.Id,
                ["prevHash"] = e.PreviousHash,
                ["hash"] = e.Hash,
            };
            if (offloaded.TryGetValue(e.Sequence, out var key))
            {
                stored["dataRef"] = key;
            }
            else
            {
                stored["data"] = JsonSerializer.SerializeToNode(e.Data, EventHasher.CanonicalJson);
            }

            events.Add(stored);
        }

        var entries = (JsonArray)item["outbox"]!;
        if (outboxRetention != TimeSpan.MaxValue)
        {
            var horizon = now - outboxRetention;
            foreach (var old in entries.Where(o => ParseTime(o!["createdAt"]!.GetValue<string>()) < horizon).ToList())
            {
                entries.Remove(old);
            }
        }

        foreach (var message in outbox)
        {
            entries.Add(new JsonObject
            {
                ["id"] = message.Id.ToString("N"),
                ["queue"] = message.Queue,
                ["body"] = message.Body,
                ["createdAt"] = Format(message.CreatedAt),
                ["version"] = ticket.History.Count,
            });
        }
    }

    public static int Version(JsonObject item) => item["version"]!.GetValue<int>();

    /// <summary>The content keys of the events whose data lives in the content store.</summary>
    public static IEnumerable<string> DataRefs(JsonObject item) =>
        ((JsonArray)item["events"]!).Select(n => n!["dataRef"]?.GetValue<string>()).OfType<string>();

    /// <summary>The ticket of a stored item; <paramref name="contents"/> holds the data of its offloaded events by key.</summary>
    public static Ticket ToTicket(JsonObject item, IReadOnlyDictionary<string, byte[]> contents)
    {
        var id = TicketId.Parse(item["id"]!.GetValue<string>());
        var events = ((JsonArray)item["events"]!).Select(n =>
        {
            var e = (JsonObject)n!;
            var data = (e["dataRef"]?.GetValue<string>() is { } key
                    ? JsonSerializer.Deserialize<TicketEventData>(contents[key], EventHasher.CanonicalJson)
                    : e["data"].Deserialize<TicketEventData>(EventHasher.CanonicalJson))
                ?? throw new CosmosStoreException("A stored event has no data.");
            return ReadEvent(e, data);
        });
        return Ticket.Rehydrate(id, events);
    }

    /// <summary>A stored event with its (already decoded) data.</summary>
    public static TicketEvent ReadEvent(JsonObject e, TicketEventData data) => new(
        e["seq"]!.GetValue<int>(),
        ParseTime(e["at"]!.GetValue<string>()),
        new Actor(e["actorKind"]!.GetValue<string>(), e["actorId"]!.GetValue<string>()),
        data,
        e["prevHash"]!.GetValue<string>(),
        e["hash"]!.GetValue<string>());

    /// <summary>The outbox entries currently held by a ticket item (what the change feed forwards).</summary>
    public static IReadOnlyList<OutboxMessage> Outbox(JsonObject item) =>
        ((JsonArray)item["outbox"]!).Select(n => new OutboxMessage(
            Guid.ParseExact(n!["id"]!.GetValue<string>(), "N"),
            n["queue"]!.GetValue<string>(),
            n["body"]!.GetValue<string>(),
            ParseTime(n["createdAt"]!.GetValue<string>()))).ToList();

    public static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
