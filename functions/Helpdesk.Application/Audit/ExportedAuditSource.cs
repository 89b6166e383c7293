using System.Runtime.CompilerServices;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Audit;

/// <summary>
/// The auditors' read side over exported files instead of the store, so that <c>helpdesk audit</c> runs the very
/// <see cref="AuditService"/> the API runs. The export is the population: it was cut to a range when it was exported,
/// so <see cref="HistoriesAsync"/> returns every history it holds whatever range is asked. The tickets' counters of
/// the ledger are the protocols of the histories; the last counter and the voids come from the exported ledger.
/// </summary>
/// <param name="histories">Opens the histories afresh for each pass (a check may read them more than once).</param>
public sealed class ExportedAuditSource(Func<IEnumerable<StoredHistory>> histories, ProtocolLedgerExport? ledger = null) : IAuditSource
{
    public async IAsyncEnumerable<StoredHistory> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var history in histories())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return history;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<ProtocolLedger> ProtocolLedgerAsync(int year, CancellationToken cancellationToken)
    {
        if (ledger is null || ledger.Year != year)
        {
            throw new InvalidOperationException($"No exported ledger of {year} was given.");
        }

        var counters = histories()
            .Select(h => ProtocolNumber.TryParse(h.Protocol, out var p) && p.Year == year ? p.Counter : 0)
            .Where(c => c > 0)
            .ToList();
        return Task.FromResult(new ProtocolLedger(year, ledger.LastCounter, counters, ledger.Voids));
    }
}
