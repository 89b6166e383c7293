using Helpdesk.Application.Outbox;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>A ticket reference found by a lookup.</summary>
public sealed record TicketRef(TicketId Id, ProtocolNumber Protocol);

/// <summary>What a new ticket brings to the store: the ticket, the message ids that thread into it, and the outbox
/// messages its registration causes. All of it is written in one atomic operation.</summary>
public sealed record TicketDraft(Ticket Ticket, IReadOnlyList<string> MessageIds, IReadOnlyList<OutboxMessage> Outbox);

/// <summary>Outcome of a create: the new ticket, or the ticket that already holds one of the draft's message ids.
/// <see cref="InProgress"/>: another writer claimed one of the message ids less than the abandonment time ago and its
/// ticket does not exist yet (it may be writing it, or it died); <see cref="Ticket"/> is then that writer's
/// intended ticket, which must not be reported as existing.</summary>
public sealed record CreateOutcome(TicketRef Ticket, bool Created, bool InProgress = false);

/// <summary>The ticket store port. Every write is atomic: ticket events, thread index and outbox together.</summary>
public interface ITicketStore
{
    /// <summary>Allocates the next protocol of <paramref name="year"/> and stores the draft that
    /// <paramref name="build"/> makes with it, in one transaction. If one of the draft's message ids is already
    /// known, nothing is written (the protocol is not consumed) and the existing ticket is returned.</summary>
    Task<CreateOutcome> CreateAsync(int year, Func<ProtocolNumber, TicketDraft> build, CancellationToken cancellationToken);

    /// <summary>Appends the ticket's pending events with its new message ids and outbox messages, if the stored
    /// version is still <see cref="Ticket.CommittedVersion"/>; otherwise throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task SaveAsync(Ticket ticket, IReadOnlyList<string> newMessageIds, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken);

    Task<Ticket?> GetAsync(TicketId id, CancellationToken cancellationToken);

    Task<Ticket?> FindByProtocolAsync(ProtocolNumber protocol, CancellationToken cancellationToken);

    /// <summary>The ticket that owns any of these message ids (inbound or outbound), if one does.</summary>
    Task<TicketRef?> FindByMessageIdsAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken);
}

/// <summary>The stored ticket changed since it was read (optimistic concurrency).</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
