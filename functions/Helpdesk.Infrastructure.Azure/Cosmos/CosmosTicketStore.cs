using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// The ticket store on Cosmos DB (data model: docs/cosmos-data-model.md). A ticket, its history and its outbox
/// entries are one item, written with an ETag check, so that a ticket change and the messages it causes are atomic
/// without a transactional batch. Protocol numbers come from a counter item per year (one atomic patch increment); every number
/// becomes either a protocol item pointing to its ticket or a void protocol item with the reason.
/// Message ids are unique items (a create answers 409 on a duplicate).
/// </summary>
public sealed partial class CosmosTicketStore : ITicketStore, IProtocolAccounting
{
    private const int MaxCounterAttempts = 100;

    /// <summary>The stored item (and ETag) each ticket handed out by <see cref="GetAsync"/> was read from, held only as
    /// long as the ticket object lives; <see cref="SaveAsync"/> writes with it instead of reading the item again.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Ticket, StoredItem> _loaded = [];
    private readonly CosmosGateway _gateway;
    private readonly CosmosOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<CosmosTicketStore> _logger;
    private readonly ITicketDeadlines _deadlines;
    private readonly IContentStore _content;

    public CosmosTicketStore(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, TimeProvider clock, ITicketDeadlines deadlines, IContentStore content, ILogger<CosmosTicketStore> logger)
    {
        _content = content;
        _gateway = new CosmosGateway(container, logger, options.Emulator);
        _options = options;
        _clock = clock;
        _deadlines = deadlines;
        _logger = logger;
    }

    public async Task<CreateOutcome> CreateAsync(int year, Func<ProtocolNumber, TicketDraft> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);

        // A redelivery is recognised before a number is reserved, so that it consumes none. Only two deliveries that
        // race past this check both reserve a number; the loser records its number as void.
        var provisional = build(ProtocolNumber.Create(year, 1));
        if (await KnownOrPendingAsync(provisional.MessageIds, cancellationToken).ConfigureAwait(false) is { } earlier)
        {
            return earlier;
        }

        var protocol = await ReserveAsync(year, cancellationToken).ConfigureAwait(false);
        var draft = build(protocol);
        var ticketId = draft.Ticket.Id.ToString();
        var claimed = new List<string>();
        foreach (var messageId in draft.MessageIds.Distinct(StringComparer.Ordinal))
        {
            var owner = await ClaimMessageIdAsync(messageId, ticketId, protocol, cancellationToken).ConfigureAwait(false);
            if (owner is not null)
            {
                foreach (var mine in claimed)
                {
                    await _gateway.DeleteAsync(CosmosItems.MessageId(mine), CosmosItems.MessageId(mine), null, cancellationToken).ConfigureAwait(false);
                }

                await VoidAsync(protocol, $"duplicate delivery of a message of ticket {owner.Protocol}", cancellationToken).ConfigureAwait(false);
                var ownerId = owner.Id.ToString();
                var written = await _gateway.ReadAsync(ownerId, ownerId, cancellationToken).ConfigureAwait(false) is not null;
                return new CreateOutcome(owner, Created: false, InProgress: !written);
            }

            claimed.Add(messageId);
        }

        var now = _clock.GetUtcNow();
        var protocolItem = ProtocolItem(protocol, now);
        protocolItem["state"] = "ticket";
        protocolItem["ticketId"] = ticketId;
        if (!await _gateway.TryCreateAsync(protocolItem, ProtocolPartition(year), cancellationToken).ConfigureAwait(false))
        {
            throw new CosmosStoreException($"Protocol {protocol} was reserved twice; the counter item of {year} is inconsistent.");
        }

        var offloaded = await OffloadAsync(draft.Ticket, cancellationToken).ConfigureAwait(false);
        if (!await _gateway.TryCreateAsync(TicketDocument.Create(draft.Ticket, draft.Outbox, now, offloaded), ticketId, cancellationToken).ConfigureAwait(false))
        {
            throw new CosmosStoreException($"Ticket id {ticketId} already exists.");
        }

        await WriteSummaryAsync(draft.Ticket, cancellationToken, isNew: true).ConfigureAwait(false);

        return new CreateOutcome(new TicketRef(draft.Ticket.Id, protocol), Created: true);
    }

    public async Task SaveAsync(Ticket ticket, IReadOnlyList<string> newMessageIds, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(newMessageIds);
        ArgumentNullException.ThrowIfNull(outbox);
        if (ticket.PendingEvents.Count == 0)
        {
            return;
        }

        var id = ticket.Id.ToString();
        IReadOnlyDictionary<int, string>? offloaded = null; // large event data goes to the content store once, when a write is due

        // The item this ticket was loaded from, with its ETag: if nobody wrote the item since, the replace succeeds with
        // no read before it (issue 21 §5: a read of the whole item, history included, per change). Any 412 (a writer
        // came between, or the item was touched without a new version) falls back to reading the item afresh below,
        // so the outcome is the one the read-first write gives.
        if (_loaded.TryGetValue(ticket, out var loaded))
        {
            _loaded.Remove(ticket);
            if (TicketDocument.Version(loaded.Body) == ticket.CommittedVersion)
            {
                offloaded = await OffloadAsync(ticket, cancellationToken).ConfigureAwait(false);
                TicketDocument.Update(loaded.Body, ticket, outbox, _clock.GetUtcNow(), _options.OutboxRetention, offloaded);
                if (await _gateway.TryReplaceAsync(loaded.Body, id, id, loaded.ETag, cancellationToken).ConfigureAwait(false))
                {
                    await AfterSaveAsync(ticket, newMessageIds, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
        }

        var stored = await _gateway.ReadAsync(id, id, cancellationToken).ConfigureAwait(false);
        if (stored is null || TicketDocument.Version(stored.Body) != ticket.CommittedVersion)
        {
            throw new ConcurrencyConflictException($"Ticket {ticket.Protocol} changed since it was read (expected version {ticket.CommittedVersion}).");
        }

        offloaded ??= await OffloadAsync(ticket, cancellationToken).ConfigureAwait(false);
        TicketDocument.Update(stored.Body, ticket, outbox, _clock.GetUtcNow(), _options.OutboxRetention, offloaded);
        if (!await _gateway.TryReplaceAsync(stored.Body, id, id, stored.ETag, cancellationToken).ConfigureAwait(false))
        {
            throw new ConcurrencyConflictException($"Ticket {ticket.Protocol} changed while it was being saved.");
        }

        await AfterSaveAsync(ticket, newMessageIds, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What follows a ticket's write: its list item, its thread index, and the ticket marked committed.</summary>
    private async Task AfterSaveAsync(Ticket ticket, IReadOnlyList<string> newMessageIds, CancellationToken cancellationToken)
    {
        var id = ticket.Id.ToString();

        // The list item follows the ticket (ADR-013): if this process dies here, lists show the previous state until
        // the ticket's next write rewrites its list item from the whole ticket.
        await WriteSummaryAsync(ticket, cancellationToken).ConfigureAwait(false);

        // The thread index follows the ticket: if this process dies here, the message is in the ticket's history (a
        // redelivery is recognised there) and only threading by this id is lost.
        foreach (var messageId in newMessageIds.Distinct(StringComparer.Ordinal))
        {
            if (await ClaimMessageIdAsync(messageId, id, ticket.Protocol, cancellationToken).ConfigureAwait(false) is { } other)
            {
                LogMessageIdOwnedElsewhere(_logger, ticket.Protocol.ToString(), other.Protocol.ToString());
            }
        }

        ticket.MarkCommitted();
    }

    public async Task<Ticket?> GetAsync(TicketId id, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var stored = await _gateway.ReadAsync(key, key, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var ticket = await ToTicketAsync(stored.Body, cancellationToken).ConfigureAwait(false);
        _loaded.AddOrUpdate(ticket, stored); // for SaveAsync: the item and ETag this ticket came from
        return ticket;
    }

    public async Task<Ticket?> FindByProtocolAsync(ProtocolNumber protocol, CancellationToken cancellationToken)
    {
        var item = await _gateway.ReadAsync(CosmosItems.Protocol(protocol.ToString()), ProtocolPartition(protocol.Year), cancellationToken).ConfigureAwait(false);
        return item?.Body["ticketId"]?.GetValue<string>() is { } ticketId
            ? await GetAsync(TicketId.Parse(ticketId), cancellationToken).ConfigureAwait(false)
            : null;
    }

    public async Task<TicketRef?> FindByMessageIdsAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var messageId in messageIds)
        {
            var key = CosmosItems.MessageId(messageId);
            var claim = await _gateway.ReadAsync(key, key, cancellationToken).ConfigureAwait(false);
            if (claim is not null && await ExistingTicketAsync(claim.Body, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The outbox entries a ticket item holds now (what the change feed forwards).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxOfAsync(TicketId id, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var stored = await _gateway.ReadAsync(key, key, cancellationToken).ConfigureAwait(false);
        return stored is null ? [] : TicketDocument.Outbox(stored.Body);
    }

    /// <summary>The last number reserved in <paramref name="year"/> (0 if none).</summary>
    public async Task<int> LastReservedAsync(int year, CancellationToken cancellationToken)
    {
        var counter = await _gateway.ReadAsync(CosmosItems.Counter(year), ProtocolPartition(year), cancellationToken).ConfigureAwait(false);
        return counter?.Body["last"]?.GetValue<int>() ?? 0;
    }

    /// <summary>The void numbers of a year (one single-partition query).</summary>
    public async Task<IReadOnlyList<VoidProtocol>> ListVoidAsync(int year, CancellationToken cancellationToken)
    {
        var items = await _gateway.QueryPartitionAsync(
            "SELECT * FROM c WHERE c.pk = @pk AND c.type = @type AND c.state = @state",
            ProtocolPartition(year),
            new Dictionary<string, object> { ["@type"] = CosmosItems.ProtocolType, ["@state"] = "void" },
            cancellationToken).ConfigureAwait(false);
        return items
            .Select(i => new VoidProtocol(ProtocolNumber.Create(year, i["counter"]!.GetValue<int>()), i["reason"]!.GetValue<string>(), TicketDocument.ParseTime(i["at"]!.GetValue<string>())))
            .OrderBy(v => v.Protocol)
            .ToList();
    }

    /// <summary>
    /// Accounts for every number of <paramref name="year"/> (and writes the missing list item of a recent ticket whose
    /// writer stopped before it): a number reserved more than
    /// <see cref="CosmosOptions.AbandonedAfter"/> ago by a writer that died before writing its protocol item, or whose
    /// protocol item points to a ticket that was never written, is recorded as void. Returns the numbers voided now.
    /// </summary>
    public async Task<IReadOnlyList<ProtocolNumber>> AccountForNumbersAsync(int year, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var counter = await _gateway.ReadAsync(CosmosItems.Counter(year), ProtocolPartition(year), cancellationToken).ConfigureAwait(false);
        if (counter is null)
        {
            return [];
        }

        var last = counter.Body["last"]!.GetValue<int>();
        var counterUpdated = TicketDocument.ParseTime(counter.Body["updatedAt"]!.GetValue<string>());
        var items = await _gateway.QueryPartitionAsync(
            "SELECT c.counter, c.state, c.ticketId, c.at FROM c WHERE c.pk = @pk AND c.type = @type",
            ProtocolPartition(year),
            new Dictionary<string, object> { ["@type"] = CosmosItems.ProtocolType },
            cancellationToken).ConfigureAwait(false);
        var seen = items.ToDictionary(i => i["counter"]!.GetValue<int>());
        var voided = new List<ProtocolNumber>();
        for (var n = 1; n <= last; n++)
        {
            var protocol = ProtocolNumber.Create(year, n);
            if (!seen.TryGetValue(n, out var item))
            {
                // Numbers are reserved in order, so a missing one is at least as old as the counter's last change.
                if (now - counterUpdated >= _options.AbandonedAfter)
                {
                    await VoidAsync(protocol, "reserved by a writer that stopped before registering the ticket", cancellationToken).ConfigureAwait(false);
                    voided.Add(protocol);
                }

                continue;
            }

            if (item["state"]?.GetValue<string>() == "ticket" &&
                now - TicketDocument.ParseTime(item["at"]!.GetValue<string>()) >= _options.AbandonedAfter &&
                now - TicketDocument.ParseTime(item["at"]!.GetValue<string>()) < _options.AbandonedAfter + TimeSpan.FromDays(2))
            {
                var ticketId = item["ticketId"]!.GetValue<string>();
                var ticketItem = await _gateway.ReadAsync(ticketId, ticketId, cancellationToken).ConfigureAwait(false);
                if (ticketItem is not null)
                {
                    // A writer that stopped after the ticket but before its list item: the ticket reappears in lists.
                    await RepairSummaryAsync(ticketItem.Body, year, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var stored = await _gateway.ReadAsync(CosmosItems.Protocol(protocol.ToString()), ProtocolPartition(year), cancellationToken).ConfigureAwait(false);
                    var replacement = ProtocolItem(protocol, now);
                    replacement["state"] = "void";
                    replacement["reason"] = "registered, but the ticket was never written";
                    if (stored is not null && await _gateway.TryReplaceAsync(replacement, CosmosItems.Protocol(protocol.ToString()), ProtocolPartition(year), stored.ETag, cancellationToken).ConfigureAwait(false))
                    {
                        voided.Add(protocol);
                    }
                }
            }
        }

        return voided;
    }

    /// <summary>The next protocol number of <paramref name="year"/>: one atomic server-side increment of the year's counter
    /// (a patch, one request however many instances race; issue 21), or the counter's creation for the year's first.</summary>
    private async Task<ProtocolNumber> ReserveAsync(int year, CancellationToken cancellationToken)
    {
        var partition = ProtocolPartition(year);
        var id = CosmosItems.Counter(year);
        for (var attempt = 0; attempt < MaxCounterAttempts; attempt++)
        {
            var now = TicketDocument.Format(_clock.GetUtcNow());
            var counter = await _gateway.TryPatchAsync(id, partition, [PatchOperation.Increment("/last", 1), PatchOperation.Set("/updatedAt", now)], cancellationToken).ConfigureAwait(false);
            if (counter is not null)
            {
                return ProtocolNumber.Create(year, counter.Body["last"]!.GetValue<int>());
            }

            await RegisterYearAsync(year, cancellationToken).ConfigureAwait(false);
            var first = new JsonObject { ["id"] = id, ["pk"] = partition, ["type"] = CosmosItems.CounterType, ["year"] = year, ["last"] = 1, ["updatedAt"] = now };
            if (await _gateway.TryCreateAsync(first, partition, cancellationToken).ConfigureAwait(false))
            {
                return ProtocolNumber.Create(year, 1);
            }

            // Another instance created the counter meanwhile: increment it.
        }

        throw new CosmosStoreException($"Could not reserve a protocol number of {year} after {MaxCounterAttempts} attempts.");
    }

    /// <summary>Claims <paramref name="messageId"/> for a ticket. Null when the claim is ours; otherwise the ticket that
    /// owns the message id (or is being registered with it right now).</summary>
    private async Task<TicketRef?> ClaimMessageIdAsync(string messageId, string ticketId, ProtocolNumber protocol, CancellationToken cancellationToken)
    {
        var key = CosmosItems.MessageId(messageId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var now = _clock.GetUtcNow();
            var claim = new JsonObject
            {
                ["id"] = key,
                ["pk"] = key,
                ["type"] = CosmosItems.MessageIdType,
                ["messageId"] = messageId,
                ["ticketId"] = ticketId,
                ["protocol"] = protocol.ToString(),
                ["claimedAt"] = TicketDocument.Format(now),
            };
            if (await _gateway.TryCreateAsync(claim, key, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var existing = await _gateway.ReadAsync(key, key, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                continue; // deleted meanwhile by a writer that lost a race: try again
            }

            var owner = existing.Body["ticketId"]!.GetValue<string>();
            if (owner == ticketId)
            {
                return null;
            }

            var ownerRef = new TicketRef(TicketId.Parse(owner), ParseProtocol(existing.Body));
            if (await _gateway.ReadAsync(owner, owner, cancellationToken).ConfigureAwait(false) is not null ||
                now - TicketDocument.ParseTime(existing.Body["claimedAt"]!.GetValue<string>()) < _options.AbandonedAfter)
            {
                return ownerRef; // registered, or being registered right now
            }

            // An abandoned claim (its writer died before writing the ticket): take it over.
            if (await _gateway.TryReplaceAsync(claim, key, key, existing.ETag, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        throw new CosmosStoreException("The message id claim kept changing; giving up.");
    }

    /// <summary>The duplicate check of <see cref="FindByMessageIdsAsync"/> and the in-progress check together, from one
    /// read of each claim and of its ticket (issue 21 §5: the two checks read the same items twice): a ticket that holds one of
    /// <paramref name="messageIds"/> (a duplicate), else a claim younger than <see cref="CosmosOptions.AbandonedAfter"/>
    /// whose ticket does not exist (in progress), else null.</summary>
    private async Task<CreateOutcome?> KnownOrPendingAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        TicketRef? pending = null;
        foreach (var messageId in messageIds.Distinct(StringComparer.Ordinal))
        {
            var key = CosmosItems.MessageId(messageId);
            var claim = await _gateway.ReadAsync(key, key, cancellationToken).ConfigureAwait(false);
            if (claim is null)
            {
                continue;
            }

            if (await ExistingTicketAsync(claim.Body, cancellationToken).ConfigureAwait(false) is { } found)
            {
                return new CreateOutcome(found, Created: false);
            }

            if (pending is null && now - TicketDocument.ParseTime(claim.Body["claimedAt"]!.GetValue<string>()) < _options.AbandonedAfter)
            {
                pending = new TicketRef(TicketId.Parse(claim.Body["ticketId"]!.GetValue<string>()), ParseProtocol(claim.Body));
            }
        }

        return pending is null ? null : new CreateOutcome(pending, Created: false, InProgress: true);
    }

    private async Task<TicketRef?> ExistingTicketAsync(JsonObject claim, CancellationToken cancellationToken)
    {
        var ticketId = claim["ticketId"]!.GetValue<string>();
        var ticket = await _gateway.ReadAsync(ticketId, ticketId, cancellationToken).ConfigureAwait(false);
        return ticket is null ? null : new TicketRef(TicketId.Parse(ticketId), ParseProtocol(claim));
    }

    private async Task VoidAsync(ProtocolNumber protocol, string reason, CancellationToken cancellationToken)
    {
        var item = ProtocolItem(protocol, _clock.GetUtcNow());
        item["state"] = "void";
        item["reason"] = reason;
        _ = await _gateway.TryCreateAsync(item, ProtocolPartition(protocol.Year), cancellationToken).ConfigureAwait(false);
        LogVoided(_logger, protocol.ToString(), reason);
    }

    private static JsonObject ProtocolItem(ProtocolNumber protocol, DateTimeOffset now) => new()
    {
        ["id"] = CosmosItems.Protocol(protocol.ToString()),
        ["pk"] = ProtocolPartition(protocol.Year),
        ["type"] = CosmosItems.ProtocolType,
        ["protocol"] = protocol.ToString(),
        ["counter"] = protocol.Counter,
        ["at"] = TicketDocument.Format(now),
    };

    private static ProtocolNumber ParseProtocol(JsonObject item) =>
        ProtocolNumber.TryParse(item["protocol"]?.GetValue<string>(), out var p) ? p : throw new CosmosStoreException("A stored protocol is malformed.");

    /// <summary>The counter and protocol items of one year share a logical partition, so that accounting for a
    /// year's numbers is one single-partition query.</summary>
    internal static string ProtocolPartition(int year) => "protocols-" + year.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Protocol {Protocol} recorded as void: {Reason}")]
    private static partial void LogVoided(ILogger logger, string protocol, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Protocol}: a new message id already belongs to ticket {Other}; threading by it keeps pointing there")]
    private static partial void LogMessageIdOwnedElsewhere(ILogger logger, string protocol, string other);
}
