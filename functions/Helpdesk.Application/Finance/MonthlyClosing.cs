using Helpdesk.Application.Finance.Documents;
using Helpdesk.Application.Reports;
using Helpdesk.Domain.Assessment;
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
/// every document gets a new version beside the old ones.
/// </summary>
public sealed class MonthlyClosing(TicketExport export, IReportStore reports, FinanceContract contract, IOptions<FinanceOptions> options, ClosingInputs inputs, SettlementInputs settlements) : IDisposable
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
    /// The outcomes of the twelve months before <paramref name="month"/>, oldest first, from their published summaries
    /// (latest versions, settled outcomes where settled): what aggravations (two consecutive months, a semester), the
    /// rescission count and the reductions carried in from late rejections need. As text
    /// it is exactly the <c>--history</c> file of <c>helpdesk assess</c> (a JSON array of the summaries' <c>outcome</c>).
    /// </summary>
    public async Task<string> HistoryJsonAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        var outcomes = new System.Text.Json.Nodes.JsonArray();
        for (var back = 12; back >= 1; back--)
        {
            var earlier = month.AddMonths(-back);
            var key = new ReportKey(options.Value.ContractId, ReportMonth.Create(earlier.Year, earlier.Month), SummaryFile);
            if (await reports.ReadAsync(key, null, cancellationToken).ConfigureAwait(false) is not { } summary)
            {
                continue;
            }

            using var document = System.Text.Json.JsonDocument.Parse(summary.Content);
            // The settled outcome (ADR-015) when the month was settled: accepted misses removed, deferred reductions listed.
            if ((document.RootElement.TryGetProperty("settlement", out var settled) ? settled : document.RootElement).TryGetProperty("outcome", out var outcome))
            {
                outcomes.Add(System.Text.Json.Nodes.JsonNode.Parse(outcome.GetRawText()));
            }
        }

        return outcomes.ToJsonString();
    }

    private async Task<IReadOnlyList<MonthOutcome>> HistoryAsync(AssessmentMonth month, CancellationToken cancellationToken) =>
        HistoryJsonReader.Read(await HistoryJsonAsync(month, cancellationToken).ConfigureAwait(false), $"{ReportKey.Root}/{options.Value.ContractId}");

    private static byte[] Render(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
