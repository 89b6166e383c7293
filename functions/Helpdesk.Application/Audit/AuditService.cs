using System.Runtime.CompilerServices;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Application.Audit;

/// <summary>The auditor's use cases over the raw records (seed 002): the interaction records, protocol continuity,
/// unflagged reopenings, misclassified complaints and the hash chain of every ticket.</summary>
public sealed class AuditService(IAuditSource source, ICatalogueStore? catalogue = null)
{
    /// <summary>The longest range one request may cover (a census of a year, with a day's slack for the time zone).</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(367);

    /// <summary>How far back an earlier complaint of the same requester counts, unless the auditor says otherwise.</summary>
    public const int DefaultWindowDays = 30;

    public const int MaxWindowDays = 366;

    /// <summary>The interaction records of the tickets registered in the range. A ticket whose history cannot be
    /// rebuilt is left out here and listed by <see cref="ChainFailuresAsync"/>.</summary>
    public async IAsyncEnumerable<AuditRecord> RecordsAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var categories = catalogue is null ? null : (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue;
        await foreach (var history in source.HistoriesAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            if (history.Unreadable is null && TryRehydrate(history) is { } ticket)
            {
                yield return AuditRecord.From(ticket, categories);
            }
        }
    }

    /// <summary>Every ticket of the range whose stored history fails its chain (or its recorded head), with the event.</summary>
    public async IAsyncEnumerable<ChainFailure> ChainFailuresAsync(DateTimeOffset from, DateTimeOffset to, ChainTally tally, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tally);
        await foreach (var history in source.HistoriesAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            tally.Checked++;
            var failure = Verify(history);
            if (failure is not null)
            {
                tally.Failed++;
                yield return failure;
            }
        }
    }

    public async Task<ProtocolContinuityReport> ContinuityAsync(int year, int? fromCounter, int? toCounter, CancellationToken cancellationToken)
    {
        var ledger = await source.ProtocolLedgerAsync(year, cancellationToken).ConfigureAwait(false);
        var voids = ledger.Voids.Select(v => ProtocolNumber.TryParse(v.Protocol, out var p) ? p.Counter : 0);
        var last = toCounter ?? ledger.LastCounter;
        return last < (fromCounter ?? 1)
            ? new ProtocolContinuityReport(year, fromCounter ?? 1, last, 0, 0, [])
            : ProtocolContinuity.Check(year, fromCounter ?? 1, last, ledger.TicketCounters, voids);
    }

    public async Task<IReadOnlyList<ReopenFinding>> UnflaggedReopeningsAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan window, AuditKeywords keywords, bool complaintsOnly, bool requireKeyword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var records = new List<AuditRecord>();
        await foreach (var r in RecordsAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            if (!complaintsOnly || r.IsComplaint(keywords) || keywords.IsComplaint(r.Classification, r.Description))
            {
                records.Add(r);
            }
        }

        return ReopenDetector.Detect(records, window, keywords, requireKeyword);
    }

    public async IAsyncEnumerable<MisclassificationFinding> MisclassifiedAsync(DateTimeOffset from, DateTimeOffset to, AuditKeywords keywords, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var r in RecordsAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            foreach (var finding in MisclassificationDetector.Detect([r], keywords))
            {
                yield return finding;
            }
        }
    }

    /// <summary>The reopenings report: the findings with each requester key masked (the finding is enough to open the
    /// tickets, which show the full values to those allowed).</summary>
    public async Task<ReopeningsResponse> ReopeningsReportAsync(DateTimeOffset from, DateTimeOffset to, int windowDays, AuditKeywords keywords, bool complaintsOnly, bool requireKeyword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var findings = await UnflaggedReopeningsAsync(from, to, TimeSpan.FromDays(windowDays), keywords, complaintsOnly, requireKeyword, cancellationToken).ConfigureAwait(false);
        return new ReopeningsResponse(windowDays, complaintsOnly, keywords.Reopening, [.. findings.Select(f => f with { Requester = MaskKey(f.Requester) })]);
    }

    public async Task<MisclassifiedResponse> MisclassifiedReportAsync(DateTimeOffset from, DateTimeOffset to, AuditKeywords keywords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        var findings = new List<MisclassificationFinding>();
        await foreach (var f in MisclassifiedAsync(from, to, keywords, cancellationToken).ConfigureAwait(false))
        {
            findings.Add(f);
        }

        return new MisclassifiedResponse(keywords.Complaint, keywords.ComplaintCategories, findings);
    }

    public async Task<ChainsResponse> ChainsReportAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var tally = new ChainTally();
        var failures = new List<ChainFailure>();
        await foreach (var failure in ChainFailuresAsync(from, to, tally, cancellationToken).ConfigureAwait(false))
        {
            failures.Add(failure);
        }

        return new ChainsResponse(tally.Checked, tally.Failed, failures);
    }

    /// <summary>The raw histories of the range, as stored, for offline verification (<see cref="AuditHistoryJsonl"/>).</summary>
    public IAsyncEnumerable<StoredHistory> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        source.HistoriesAsync(from, to, cancellationToken);

    /// <summary>The year's ledger for offline continuity checks: last counter and documented voids.</summary>
    public async Task<ProtocolLedgerExport> LedgerAsync(int year, CancellationToken cancellationToken)
    {
        var ledger = await source.ProtocolLedgerAsync(year, cancellationToken).ConfigureAwait(false);
        return new ProtocolLedgerExport(ledger.Year, ledger.LastCounter, ledger.Voids);
    }

    internal static ChainFailure? Verify(StoredHistory history)
    {
        if (history.Unreadable is { } unreadable)
        {
            return new ChainFailure(history.Protocol, unreadable.Sequence, unreadable.Problem);
        }

        var verification = HistoryVerification.Verify(history.Events, history.HeadHash);
        if (!verification.IsValid)
        {
            return new ChainFailure(history.Protocol, verification.BrokenAtSequence, verification.Problem ?? "invalid");
        }

        return TryRehydrate(history) is null ? new ChainFailure(history.Protocol, 1, "the history does not start with the registration") : null;
    }

    /// <summary>"cpf:…"/"cnpj:…"/"email:…" with the value masked.</summary>
    private static string MaskKey(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        var (kind, value) = (key[..colon], key[(colon + 1)..]);
        return kind == "email"
            ? (EmailAddress.TryParse(value, out var e, out _) ? "email:" + e.Masked() : key)
            : (TaxId.TryParse(value, out var id, out _) ? kind + ":" + id.Masked : key);
    }

    private static Ticket? TryRehydrate(StoredHistory history)
    {
        try
        {
            return Ticket.Rehydrate(history.Id, history.Events);
        }
        catch (DomainException)
        {
            return null;
        }
    }
}

/// <summary>Counts of a chain verification, filled while its results stream.</summary>
public sealed class ChainTally
{
    public int Checked { get; set; }

    public int Failed { get; set; }
}
