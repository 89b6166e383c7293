using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets.History;

/// <summary>The outcome of checking a history's hash chain: valid, or the first entry that breaks it and why.</summary>
public sealed record HistoryVerification(bool IsValid, int? BrokenAtSequence, string? Problem)
{
    public static HistoryVerification Valid { get; } = new(true, null, null);

    /// <summary>Recomputes every hash and checks sequence numbers and links. Detects edited, removed,
    /// reordered and inserted entries (a removed last entry is only detectable against a stored head hash).
    /// An entry whose personal data a later <see cref="PersonalDataErased"/> entry rewrote is checked against that
    /// entry's seal instead (<see cref="ErasureSeal"/>; docs/decisions/ADR-023): its stored hash still links the chain.</summary>
    public static HistoryVerification Verify(IReadOnlyList<TicketEvent> events, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seals = Seals(events);
        var previousHash = EventHasher.Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1)
            {
                return new(false, e.Sequence, $"expected sequence {i + 1}, found {e.Sequence} (an entry was removed or reordered)");
            }

            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return new(false, e.Sequence, "the link to the previous entry does not match");
            }

            if (seals.TryGetValue(e.Sequence, out var seal))
            {
                if (!string.Equals(ErasureSeal.Digest(e), seal, StringComparison.Ordinal))
                {
                    return new(false, e.Sequence, "the erased entry does not match its seal (it was edited after the erasure)");
                }

                previousHash = e.Hash;
                continue;
            }

            var hash = EventHasher.Compute(previousHash, e.Sequence, e.At, e.Actor, e.Data);
            if (!string.Equals(hash, e.Hash, StringComparison.Ordinal))
            {
                return new(false, e.Sequence, "the entry's content does not match its hash (it was edited)");
            }

            previousHash = hash;
        }

        if (expectedHeadHash is not null && !string.Equals(expectedHeadHash, previousHash, StringComparison.Ordinal))
        {
            return new(false, events.Count, "the last entry is not the recorded head of the history (entries were removed at the end)");
        }

        return Valid;
    }

    /// <summary>The seal of each erased entry (the latest erasure that lists it wins); a seal only ever covers entries
    /// before the erasure entry that carries it.</summary>
    private static Dictionary<int, string> Seals(IReadOnlyList<TicketEvent> events)
    {
        var seals = new Dictionary<int, string>();
        foreach (var e in events)
        {
            if (e.Data is PersonalDataErased erased)
            {
                foreach (var entry in erased.Entries)
                {
                    if (entry.Sequence >= 1 && entry.Sequence < e.Sequence)
                    {
                        seals[entry.Sequence] = entry.Digest;
                    }
                }
            }
        }

        return seals;
    }
}
