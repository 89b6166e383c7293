using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tickets;

/// <summary>A ticket whose requester's personal data was rewritten: the new state (its pending event is the
/// <see cref="PersonalDataErased"/> entry) and the stored entries whose content changed, which the store rewrites in place.</summary>
public sealed record TicketErasure(Ticket Ticket, IReadOnlyList<TicketEvent> Rewritten);

/// <summary>Erasure of personal data (LGPD; docs/decisions/ADR-023).</summary>
public sealed partial class Ticket
{
    /// <summary>When personal data was last erased from this ticket, if ever.</summary>
    public DateTimeOffset? PersonalDataErasedAt { get; private set; }

    /// <summary>
    /// Rewrites the personal data of every entry with <paramref name="rewrite"/> and appends a
    /// <see cref="PersonalDataErased"/> entry that seals each rewritten entry. Nothing else changes: status, instants,
    /// levels, categories, scores, hashes and links stay as they were, so every indicator computed from the history is the
    /// same before and after. Returns null when the rewrite changes nothing (the data is already erased: a repeated
    /// request or timer run adds nothing). Refuses a history that does not verify: an erasure must not seal tampering.
    /// </summary>
    public static TicketErasure? Erase(Ticket ticket, PersonalDataRewrite rewrite, string basis, string reason, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(rewrite);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(basis);
        if (ticket.PendingEvents.Count > 0)
        {
            throw new InvalidOperationException("Erase a ticket as stored, without pending changes.");
        }

        var verification = HistoryVerification.Verify(ticket.History, ticket.HeadHash);
        if (!verification.IsValid)
        {
            throw new DomainException("ticket.history.broken", $"The history of ticket {ticket.Protocol} does not verify at entry {verification.BrokenAtSequence}; it is not erased.");
        }

        var history = new List<TicketEvent>(ticket.History.Count);
        var rewritten = new List<TicketEvent>();
        foreach (var e in ticket.History)
        {
            var r = PersonalFields.Rewrite(e, rewrite);
            if (!SameContent(e, r))
            {
                rewritten.Add(r);
            }

            history.Add(r);
        }

        if (rewritten.Count == 0)
        {
            return null;
        }

        var erased = Rehydrate(ticket.Id, history);
        erased.Append(now, actor, new PersonalDataErased(basis, rewrite.Mention(reason), [.. rewritten.Select(r => new ErasedEntry(r.Sequence, ErasureSeal.Digest(r)))]));
        return new TicketErasure(erased, rewritten);
    }

    private static bool SameContent(TicketEvent a, TicketEvent b) =>
        a.Actor == b.Actor &&
        string.Equals(
            System.Text.Json.JsonSerializer.Serialize(a.Data, EventHasher.CanonicalJson),
            System.Text.Json.JsonSerializer.Serialize(b.Data, EventHasher.CanonicalJson),
            StringComparison.Ordinal);
}
