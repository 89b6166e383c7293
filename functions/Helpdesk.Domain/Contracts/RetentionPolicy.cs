namespace Helpdesk.Domain.Contracts;

/// <summary>
/// How long a ended ticket's personal data is kept (the contract's <c>retention</c> section). The regulator's interaction
/// records (seed 002, 5.2.3.2 and 5.4.3.2) and the contract's audits of the indicators (seed 003, 4.15) need the tickets
/// as they were for years after closure: that is a legal obligation under which the LGPD lets the data be kept (art. 16,
/// I), so a data subject's erasure request is refused until <see cref="KeptUntil"/>, and then the retention timer erases
/// the data by itself. Invariant: <see cref="ClosedTicketYears"/> is 0 (kept only while open) to 30.
/// </summary>
public sealed record RetentionPolicy
{
    public const int MaxYears = 30;

    /// <summary>The default: five years after the ticket ended.</summary>
    public static RetentionPolicy Default { get; } = new(5);

    public RetentionPolicy(int closedTicketYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(closedTicketYears);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(closedTicketYears, MaxYears);
        ClosedTicketYears = closedTicketYears;
    }

    /// <summary>Whole years after the ticket ended (closed, cancelled or merged) during which its records are kept.</summary>
    public int ClosedTicketYears { get; }

    /// <summary>Until when a ticket that ended at <paramref name="endedAt"/> is kept; null while it has not ended.</summary>
    public DateTimeOffset? KeptUntil(DateTimeOffset? endedAt) => endedAt?.AddYears(ClosedTicketYears);
}
