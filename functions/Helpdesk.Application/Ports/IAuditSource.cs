using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Application.Ports;

/// <summary>A ticket's history exactly as stored, with the head hash recorded beside it. <see cref="Unreadable"/> names
/// the first event the store could not decode (then <see cref="Events"/> stops before it).</summary>
public sealed record StoredHistory(TicketId Id, string Protocol, string HeadHash, IReadOnlyList<TicketEvent> Events, (int Sequence, string Problem)? Unreadable);

/// <summary>What the store knows about a year's protocol numbers: the counter, the tickets' counters, the voids.</summary>
public sealed record ProtocolLedger(int Year, int LastCounter, IReadOnlyList<int> TicketCounters, IReadOnlyList<ProtocolVoid> Voids);

/// <summary>The auditors' read side: raw histories streamed in protocol order, and the protocol ledger. Nothing is
/// buffered: an export of a year reads one ticket at a time.</summary>
public interface IAuditSource
{
    /// <summary>Tickets registered in [<paramref name="from"/>, <paramref name="to"/>), in protocol order.</summary>
    IAsyncEnumerable<StoredHistory> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    Task<ProtocolLedger> ProtocolLedgerAsync(int year, CancellationToken cancellationToken);
}
