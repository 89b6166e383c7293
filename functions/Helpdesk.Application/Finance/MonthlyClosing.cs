using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Finance.Formats.Documents;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Finance;

/// <summary>What a closing did: the month, whether the figures changed (a new version of the summary), and each document's outcome.</summary>
public sealed record ClosingResult(AssessmentMonth Month, int Tickets, bool Changed, IReadOnlyList<PublishOutcome> Published);

/// <summary>
/// Closes a month: exports its tickets (the product's own export), takes the month's imported call-centre CSV and the
/// availability probe's heartbeats (<see cref="ClosingInputs"/>), assesses them exactly as <c>helpdesk assess</c> does,
/// and publishes to the report store <c>finance/{contract}/{yyyy-MM}/</c> the JSON summary (same shape as
/// <c>helpdesk assess</c>), a CSV, an XLSX spreadsheet and a readable HTML report. The JSON summary decides: when its
/// content is the latest version's (same SHA-256), the figures did not change and nothing new is published; otherwise
/// every document gets a new version beside the old ones. The month's typed record (<see cref="ClosedMonths"/>: outcome,
/// settled outcome, closing day, final) is kept with the summary's version; later closings read their history from those
/// records, not from the published JSON.
/// </summary>
public sealed class MonthlyClosing(TicketExport export, IReportStore reports, FinanceContract contract, IOptions<FinanceOptions> options, ClosingInputs inputs, SettlementInputs settlements, ClosedMonths closedMonths) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public const string SummaryFile = "assessment.json";
    public const string CsvFile = "assessment.csv";
    public const string SpreadsheetFile = "assessment.xlsx";
    public const string ReportFile = "relatorio.html";

    /// <summary>The month before the one <paramref name="now"/> falls in (São Paulo calendar).</summary>
    public AssessmentMonth PreviousMonth(DateTimeOffset now) =>
        contract.Clock.MonthOf(now).AddMonths(-1);

    public async Task<ClosingResult> CloseAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // One closing at a time in this process, whoever asks (the monthly timer, a call-centre import, a justification
        // or decision, the daily re-settling): two closings computed together must not publish out of order, or the one
        // that saw less would become the latest version. Across instances the next closing repairs it (ADR-015).
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CloseOnceAsync(month, now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();

    private async Task<ClosingResult> CloseOnceAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (assessment, tickets) = await AssessAsync(month, now, cancellationToken).ConfigureAwait(false);
        var contractId = options.Value.ContractId;
        var reportMonth = ReportMonth.Create(month.Year, month.Month);

        var summary = new ReportKey(contractId, reportMonth, SummaryFile);
        var published = new List<PublishOutcome>
        {
            await reports.PublishAsync(summary, "application/json", Render(s => AssessmentJsonWriter.Write(s, assessment, evidence: true)), now, cancellationToken).ConfigureAwait(false),
        };
        var version = published[0].Report.Version;
        await RecordAsync(month, version, assessment, cancellationToken).ConfigureAwait(false);
        var documents = new (string File, string ContentType, Action<Stream> Write)[]
        {
            (CsvFile, "text/csv; charset=utf-8", s => AssessmentCsvWriter.Write(s, assessment)),
            (SpreadsheetFile, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", s => AssessmentXlsxWriter.Write(s, assessment)),
            (ReportFile, "text/html; charset=utf-8", s => AssessmentHtmlReport.Write(s, assessment, contractId, now, contract.Clock)),
        };
        foreach (var (file, contentType, write) in documents)
        {
            // Each document follows the summary's version; one left behind by an interrupted closing is caught up.
            var key = new ReportKey(contractId, reportMonth, file);
            var versions = await reports.ListVersionsAsync(key, cancellationToken).ConfigureAwait(false);
            if (versions.Count < version)
            {
                published.Add(await reports.PublishAsync(key, contentType, Render(write), now, cancellationToken).ConfigureAwait(false));
            }
        }

        return new ClosingResult(month, tickets, published[0].Created, published);
    }

    /// <summary>The month's assessment from the product's export, read back with the reader of <c>helpdesk assess</c>.</summary>
    public async Task<(MonthlyAssessment Assessment, int Tickets)> AssessAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tickets = await export.ReadBackMonthAsync(month, now, cancellationToken).ConfigureAwait(false);
        var invoice = options.Value.MonthlyInvoice is { } value ? Money.Brl(value) : (Money?)null;
        var history = await HistoryAsync(month, cancellationToken).ConfigureAwait(false);
        var calls = await inputs.CallsAsync(month, cancellationToken).ConfigureAwait(false);
        var availability = await inputs.AvailabilityAsync(month, contract.Clock.Month(month).End, cancellationToken).ConfigureAwait(false);
        var settlement = await settlements.ForAsync(month, now, cancellationToken).ConfigureAwait(false);
        var assessment = AssessmentRun.Assess(contract.Assessment, contract.Definition, month, tickets, calls, invoice, history, availability, settlement);
        return (assessment, tickets.Count);
    }

    /// <summary>
    /// The outcomes of the twelve months before <paramref name="month"/>, oldest first, from their closed-month records
    /// (latest published versions, settled outcomes where settled): what aggravations (two consecutive months, a
    /// semester), the rescission count and the reductions carried in from late rejections need. As text
    /// it is exactly the <c>--history</c> file of <c>helpdesk assess</c> (a JSON array of the summaries' <c>outcome</c>).
    /// </summary>
    public async Task<string> HistoryJsonAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        using (var w = new System.Text.Json.Utf8JsonWriter(stream))
        {
            w.WriteStartArray();
            foreach (var closed in await ClosedHistoryAsync(month, cancellationToken).ConfigureAwait(false))
            {
                // The settled outcome (ADR-015) when the month was settled: accepted misses removed, deferred reductions listed.
                MonthOutcomeJson.Write(w, closed.History, deferred: closed.Settled is not null);
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private async Task<IReadOnlyList<MonthOutcome>> HistoryAsync(AssessmentMonth month, CancellationToken cancellationToken) =>
        [.. (await ClosedHistoryAsync(month, cancellationToken).ConfigureAwait(false)).Select(c => c.History)];

    private async Task<IReadOnlyList<Ports.ClosedMonth>> ClosedHistoryAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        var closed = new List<Ports.ClosedMonth>();
        for (var back = 12; back >= 1; back--)
        {
            if (await closedMonths.GetAsync(month.AddMonths(-back), cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                closed.Add(earlier);
            }
        }

        return closed;
    }

    /// <summary>Keeps the typed record of the summary just published (figures as published: to the cent).</summary>
    private async Task RecordAsync(AssessmentMonth month, int version, MonthlyAssessment assessment, CancellationToken cancellationToken)
    {
        var settlement = assessment.Settlement;
        var closedOn = settlement?.ClosedOn
            ?? await settlements.ClosedOnAsync(month, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The summary of {month} was just published but is not listed.");
        await closedMonths.RecordAsync(
            new Ports.ClosedMonth(
                options.Value.ContractId,
                month,
                version,
                closedOn,
                MonthOutcomeJson.AsPublished(assessment.Outcome, deferred: false),
                settlement is null ? null : MonthOutcomeJson.AsPublished(settlement.Outcome, deferred: true),
                settlement?.Final ?? false),
            cancellationToken).ConfigureAwait(false);
    }

    private static byte[] Render(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
