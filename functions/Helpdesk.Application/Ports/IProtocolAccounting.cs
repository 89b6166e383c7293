using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>
/// Accounts for every protocol number of a year (ADR-003): a number that was reserved but never became a ticket (its
/// writer stopped between reserving and writing) is recorded as void with the reason. Only stores that reserve numbers
/// apart from the ticket write need it (Cosmos DB); SQLite reserves the number in the ticket's own transaction, so it
/// never leaves one behind and registers no implementation.
/// </summary>
public interface IProtocolAccounting
{
    /// <summary>Records the abandoned numbers of <paramref name="year"/> as void and returns those voided by this call.
    /// Idempotent: a number already accounted for is never voided twice, and a second call right after the first
    /// voids nothing.</summary>
    Task<IReadOnlyList<ProtocolNumber>> AccountForNumbersAsync(int year, CancellationToken cancellationToken);
}
