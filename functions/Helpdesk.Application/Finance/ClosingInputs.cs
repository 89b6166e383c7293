using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Finance;

/// <summary>
/// The inputs of a month's assessment besides the tickets, as the monthly closing and the daily figures gather them:
/// the call-centre CSV imported for the month (latest version in the report store, null when none was imported) and
/// the availability probe's heartbeats. Each is also downloadable as the very file <c>helpdesk assess</c> reads
/// (<c>--calls</c>, <c>--availability</c>), so the published figures can be recomputed offline.
/// </summary>
public sealed class ClosingInputs(IReportStore reports, IAvailabilityLog availability, IOptions<FinanceOptions> options, FinanceContract contract)
{
    /// <summary>The imported call-centre CSV's name in the month's report folder.</summary>
    public const string CallCentreFile = "call-centre.csv";

    /// <summary>The contract's civil clock: the month's boundaries.</summary>
    public ContractClock Clock => contract.Clock;

    public ReportKey CallCentreKey(AssessmentMonth month) =>
        new(options.Value.ContractId, ReportMonth.Create(month.Year, month.Month), CallCentreFile);

    /// <summary>The month's imported call-centre intervals (latest import), or null when the month has no import.</summary>
    public async Task<IReadOnlyList<CallCentreInterval>?> CallsAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        var key = CallCentreKey(month);
        if (await reports.ReadAsync(key, null, cancellationToken).ConfigureAwait(false) is not { } imported)
        {
            return null;
        }

        using var reader = new StreamReader(new MemoryStream(imported.Content), System.Text.Encoding.UTF8);
        return [.. CallCentreCsvReader.Read(reader, imported.Report.Path)];
    }

    /// <summary>The heartbeats that decide the availability of <paramref name="month"/> measured up to <paramref name="until"/>
    /// (the month's end for a closing).</summary>
    public async Task<AvailabilityInput> AvailabilityAsync(AssessmentMonth month, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var (from, to) = HeartbeatRange(month, until);
        var beats = await availability.ListHeartbeatsAsync(from, to, cancellationToken).ConfigureAwait(false);
        return new AvailabilityInput(beats, until);
    }

    /// <summary>The heartbeats of a closed month as the file <c>helpdesk assess --availability</c> reads.</summary>
    public async Task<string> HeartbeatsFileAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        var input = await AvailabilityAsync(month, contract.Clock.Month(month).End, cancellationToken).ConfigureAwait(false);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        HeartbeatFile.Write(writer, input.Heartbeats);
        return writer.ToString();
    }

    /// <summary>The month's start to <paramref name="until"/> (at most the month's end), widened by the probe rule's margin
    /// on both sides, so that an outage across the month's start or end is seen whole.</summary>
    public (DateTimeOffset From, DateTimeOffset To) HeartbeatRange(AssessmentMonth month, DateTimeOffset until)
    {
        var window = contract.Clock.Month(month);
        var margin = AvailabilityProbeRule.Default.Margin;
        var end = until < window.End ? until : window.End;
        return (window.Start - margin, end + margin);
    }
}
