using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance;

/// <summary>What an import did: the month, the interval rows read, the stored version and whether it is new (false:
/// the latest import had the same bytes, nothing changed); <see cref="SummaryVersion"/> is the month's summary version
/// after the re-closing a new import of a closed month triggers (null: the month is not closed yet).</summary>
public sealed record CallCentreImportResult(AssessmentMonth Month, int Intervals, int Version, bool Created)
{
    public int? SummaryVersion { get; init; }

    /// <summary>Whether the re-closing published a new summary version (the figures changed).</summary>
    public bool SummaryChanged { get; init; }
}

/// <summary>
/// Imports a month's call-centre CSV (docs/call-centre-csv.md): validates every row (the rows must start in the month,
/// São Paulo time), then stores the bytes as they came in the report store beside the month's finance documents
/// (<c>finance/{contract}/{yyyy-MM}/call-centre.csv</c>, versions kept). The same bytes twice store one version; a
/// different file adds a version. When the month is already closed (its summary is published), a new version re-runs
/// the month's closing at once, which publishes a new summary version only if the figures changed (ADR-016); otherwise
/// the monthly timer reads it when it closes the month.
/// </summary>
public sealed class CallCentreImport(IReportStore reports, ClosingInputs inputs, MonthlyClosing closing)
{
    public const string ContentType = "text/csv; charset=utf-8";

    public async Task<CallCentreImportResult> ImportAsync(AssessmentMonth month, ReadOnlyMemory<byte> content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = inputs.CallCentreKey(month);
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content.Span);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new InputFormatException(ClosingInputs.CallCentreFile, 1, null, "the file is not UTF-8 text");
        }

        var rows = CallCentreCsvReader.Read(new StringReader(text.TrimStart('\uFEFF')), ClosingInputs.CallCentreFile, inputs.Clock.Month(month)).Count();
        if (rows == 0)
        {
            throw new InputFormatException(ClosingInputs.CallCentreFile, 2, null, "no interval rows after the header");
        }

        var outcome = await reports.PublishAsync(key, ContentType, content, now, cancellationToken).ConfigureAwait(false);
        var result = new CallCentreImportResult(month, rows, outcome.Report.Version, outcome.Created);
        var summary = new ReportKey(key.Contract, key.Month, MonthlyClosing.SummaryFile);
        if ((await reports.ListVersionsAsync(summary, cancellationToken).ConfigureAwait(false)).Count is var closed and > 0)
        {
            if (!outcome.Created)
            {
                return result with { SummaryVersion = closed };
            }

            var reclosed = await closing.CloseAsync(month, now, cancellationToken).ConfigureAwait(false);
            return result with { SummaryVersion = reclosed.Published[0].Report.Version, SummaryChanged = reclosed.Changed };
        }

        return result;
    }
}
