using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The auditors' reads on Cosmos DB, the twin of <c>SqliteAuditSource</c>. Histories: per protocol year (oldest first,
/// from the <c>list-years</c> item), one single-partition query on the year's list items (<c>list-{year}</c>) selecting
/// the tickets registered in the range by protocol, read page by page, then a point read of each ticket item, whose
/// events are decoded one by one exactly as stored (no rehydration, so an altered history is reported, not thrown):
/// one ticket in memory at a time. Ledger: the year's counter item, the protocols of its list items, and its void
/// protocol items (both in <c>protocols-{year}</c>).
/// </summary>
public sealed class CosmosAuditSource : IAuditSource
{
    internal const string HistoriesSql =
        "SELECT c.ticketId, c.protocol FROM c WHERE c.pk = @pk AND c.type = @type AND c.registeredAt >= @from AND c.registeredAt < @to ORDER BY c.protocol";

    private const string Unreadable = "the stored event cannot be read (its data was altered)";
    private readonly CosmosGateway _gateway;
    private readonly CosmosTicketStore _store;
    private readonly IContentStore _content;

    public CosmosAuditSource(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, CosmosTicketStore store, IContentStore content, ILogger<CosmosAuditSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _gateway = new CosmosGateway(container, logger, options.Emulator);
        _store = store;
        _content = content;
    }

    public async IAsyncEnumerable<StoredHistory> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object>
        {
            ["@type"] = CosmosItems.SummaryType,
            ["@from"] = TicketSummaryDocument.Utc(from),
            ["@to"] = TicketSummaryDocument.Utc(to),
        };

        // A protocol year is the registration's year in São Paulo: within a year of the range's UTC years.
        foreach (var year in (await _gateway.ProtocolYearsAsync(cancellationToken).ConfigureAwait(false)).Where(y => y >= from.UtcDateTime.Year - 1 && y <= to.UtcDateTime.Year).Order())
        {
            await foreach (var listed in _gateway.StreamPartitionAsync(HistoriesSql, CosmosItems.ListPartition(year), parameters, cancellationToken).ConfigureAwait(false))
            {
                var ticketId = listed["ticketId"]!.GetValue<string>();
                if (await _gateway.ReadAsync(ticketId, ticketId, cancellationToken).ConfigureAwait(false) is { } item)
                {
                    yield return await ToHistoryAsync(item.Body, listed["protocol"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    public async Task<ProtocolLedger> ProtocolLedgerAsync(int year, CancellationToken cancellationToken)
    {
        var last = await _store.LastReservedAsync(year, cancellationToken).ConfigureAwait(false);
        var counters = new List<int>();
        await foreach (var listed in _gateway.StreamPartitionAsync(
            "SELECT c.protocol FROM c WHERE c.pk = @pk AND c.type = @type", CosmosItems.ListPartition(year),
            new Dictionary<string, object> { ["@type"] = CosmosItems.SummaryType }, cancellationToken).ConfigureAwait(false))
        {
            if (ProtocolNumber.TryParse(listed["protocol"]?.GetValue<string>(), out var protocol))
            {
                counters.Add(protocol.Counter);
            }
        }

        var voids = await _store.ListVoidAsync(year, cancellationToken).ConfigureAwait(false);
        return new ProtocolLedger(year, last, counters, [.. voids.Select(v => new ProtocolVoid(v.Protocol.ToString(), v.Reason, v.At))]);
    }

    /// <summary>The history as stored; decoding stops at the first event that cannot be read.</summary>
    private async Task<StoredHistory> ToHistoryAsync(JsonObject item, string protocol, CancellationToken cancellationToken)
    {
        var events = new List<TicketEvent>();
        (int, string)? unreadable = null;
        var stored = item["events"] as JsonArray ?? [];
        for (var i = 0; i < stored.Count && unreadable is null; i++)
        {
            var e = stored[i] as JsonObject;
            if (e is not null && await TryReadAsync(e, cancellationToken).ConfigureAwait(false) is { } read)
            {
                events.Add(read);
            }
            else
            {
                unreadable = (e?["seq"] is JsonValue seq && seq.TryGetValue<int>(out var n) ? n : i + 1, Unreadable);
            }
        }

        var head = item["headHash"] is JsonValue h && h.TryGetValue<string>(out var text) ? text : string.Empty;
        return new StoredHistory(TicketId.Parse(item["id"]!.GetValue<string>()), protocol, head, events, unreadable);
    }

    private async Task<TicketEvent?> TryReadAsync(JsonObject e, CancellationToken cancellationToken)
    {
        string[] required = ["seq", "at", "actorKind", "actorId", "prevHash", "hash"];
        if (required.Any(name => e[name] is not JsonValue))
        {
            return null;
        }

        try
        {
            TicketEventData? data;
            if (e["dataRef"] is JsonValue key)
            {
                var content = await _content.GetAsync(key.GetValue<string>(), cancellationToken).ConfigureAwait(false);
                data = content is null ? null : JsonSerializer.Deserialize<TicketEventData>(content, EventHasher.CanonicalJson);
            }
            else
            {
                data = e["data"].Deserialize<TicketEventData>(EventHasher.CanonicalJson);
            }

            return data is null ? null : TicketDocument.ReadEvent(e, data);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }
}
