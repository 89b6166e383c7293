using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Audit;

/// <summary>A run of consecutive protocol numbers that are neither a ticket nor a documented void.</summary>
public sealed record ProtocolGap(string From, string To, int Count);

/// <summary>The outcome of a continuity check over counters <see cref="FromCounter"/>..<see cref="ToCounter"/> of
/// <see cref="Year"/>: how many numbers are tickets, how many documented voids, and the unexplained gaps.</summary>
public sealed record ProtocolContinuityReport(int Year, int FromCounter, int ToCounter, int Tickets, int Voids, IReadOnlyList<ProtocolGap> Gaps)
{
    public bool IsContinuous => Gaps.Count == 0;
}

/// <summary>Seed 002, 5.2.4 a / 5.4.4 a: every number in the sequence must be accounted for.</summary>
public static class ProtocolContinuity
{
    /// <param name="ticketCounters">The counters of the year's tickets within the range (any order).</param>
    /// <param name="voidCounters">The counters of the year's documented voids within the range.</param>
    public static ProtocolContinuityReport Check(int year, int fromCounter, int toCounter, IEnumerable<int> ticketCounters, IEnumerable<int> voidCounters)
    {
        ArgumentNullException.ThrowIfNull(ticketCounters);
        ArgumentNullException.ThrowIfNull(voidCounters);
        if (fromCounter < 1 || toCounter > ProtocolNumber.MaxCounter)
        {
            throw new ArgumentOutOfRangeException(nameof(fromCounter), $"Counters run from 1 to {ProtocolNumber.MaxCounter}.");
        }

        var tickets = ticketCounters.Where(c => c >= fromCounter && c <= toCounter).ToHashSet();
        var voids = voidCounters.Where(c => c >= fromCounter && c <= toCounter && !tickets.Contains(c)).ToHashSet();
        var gaps = new List<ProtocolGap>();
        int? start = null;
        for (var c = fromCounter; c <= toCounter + 1; c++)
        {
            var missing = c <= toCounter && !tickets.Contains(c) && !voids.Contains(c);
            if (missing)
            {
                start ??= c;
            }
            else if (start is { } s)
            {
                gaps.Add(new ProtocolGap(ProtocolNumber.Create(year, s).ToString(), ProtocolNumber.Create(year, c - 1).ToString(), c - s));
                start = null;
            }
        }

        return new ProtocolContinuityReport(year, fromCounter, toCounter, tickets.Count, voids.Count, gaps);
    }
}
