namespace Helpdesk.Domain.Tickets.History;

/// <summary>The outcome of checking a history's hash chain: valid, or the first entry that breaks it and why.</summary>
public sealed record HistoryVerification(bool IsValid, int? BrokenAtSequence, string? Problem)
{
    public static HistoryVerification Valid { get; } = new(true, null, null);

    /// <summary>Recomputes every hash and checks sequence numbers and links. Detects edited, removed,
    /// reordered and inserted entries (a removed last entry is only detectable against a stored head hash).</summary>
    public static HistoryVerification Verify(IReadOnlyList<TicketEvent> events, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(events);
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
}
