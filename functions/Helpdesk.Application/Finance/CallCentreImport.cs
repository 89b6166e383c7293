using Helpdesk.Application.Reports;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Common;

namespace Helpdesk.Application.Finance;

/// <summary>What an import did: the month, the interval rows read, the stored version and whether it is new (false:
/// the latest import had the same bytes, nothing changed).</summary>
public sealed record CallCentreImportResult(AssessmentMonth Month, int Intervals, int Version, bool Created);

/// <summary>
/// Imports a month's call-centre CSV (docs/call-centre-csv.md): validates every row (the rows must start in the month,
/// São Paulo time), then stores the bytes as they came in the report store beside the month's finance documents
/// (<c>finance/{contract}/{yyyy-MM}/call-centre.csv</c>, versions kept). The same bytes twice store one version; a
/// different file adds a version, which the next closing reads (and publishes a new summary version if figures change).
/// </summary>
public sealed class CallCentreImport(IReportStore reports, ClosingInputs inputs)
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

        var rows = CallCentreCsvReader.Read(new StringReader(text.TrimStart('\uFEFF')), ClosingInputs.CallCentreFile, ZonedMonth.Of(month, SaoPaulo.Zone)).Count();
        if (rows == 0)
        {
            throw new InputFormatException(ClosingInputs.CallCentreFile, 2, null, "no interval rows after the header");
        }

        var outcome = await reports.PublishAsync(key, ContentType, content, now, cancellationToken).ConfigureAwait(false);
        return new CallCentreImportResult(month, rows, outcome.Report.Version, outcome.Created);
    }
}
