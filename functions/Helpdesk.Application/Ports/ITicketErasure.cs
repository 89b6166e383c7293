using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>
/// Writes an erasure of personal data (docs/decisions/ADR-023) atomically: the rewritten history entries in place (same
/// sequence, instant, kind and hashes; only content and the requester's actor id change), the sealing
/// <see cref="Domain.Tickets.Events.PersonalDataErased"/> entry appended, the list row and its search texts rebuilt, the
/// bodies of mail already delivered for the ticket emptied, and content-store content that only the rewritten entries
/// referred to deleted. Throws <see cref="ConcurrencyConflictException"/> when the ticket changed since it was read.
/// </summary>
public interface ITicketErasure
{
    Task SaveErasureAsync(TicketErasure erasure, CancellationToken cancellationToken);
}
