using System.Text.Json;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Domain.Indicators;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Finance;

/// <summary>
/// The contract's closed months as the finance code reads them: the typed records of <see cref="IClosedMonthStore"/>,
/// kept in step with the published summaries. A month's record answers when it is of the latest published version of
/// the month's <c>assessment.json</c>. When it is missing or older (a month closed before the records existed, or a
/// closing interrupted between publishing and recording), the latest published summary is read once, its record kept,
/// and that is answered: the published files stay the audit artifact and the source a record is rebuilt from.
/// </summary>
public sealed class ClosedMonths(IClosedMonthStore store, IReportStore reports, IOptions<FinanceOptions> options, FinanceContract contract)
{
    public ReportKey SummaryKey(AssessmentMonth month) =>
        new(options.Value.ContractId, ReportMonth.Create(month.Year, month.Month), MonthlyClosing.SummaryFile);

    /// <summary>The month's record, or null if the month was never closed (no published summary).</summary>
    public async Task<ClosedMonth?> GetAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        var versions = await reports.ListVersionsAsync(SummaryKey(month), cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            return null;
        }

        var latest = versions.Max(v => v.Version);
        var kept = await store.GetAsync(options.Value.ContractId, month, cancellationToken).ConfigureAwait(false);
        if (kept is not null && kept.SummaryVersion >= latest)
        {
            return kept;
        }

        var closedOn = ClosedOn(versions);
        return await store.SaveAsync(await ImportAsync(month, latest, closedOn, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Keeps the record of a summary just published (the monthly closing).</summary>
    public Task<ClosedMonth> RecordAsync(ClosedMonth closed, CancellationToken cancellationToken) => store.SaveAsync(closed, cancellationToken);

    /// <summary>The closing day: the contract's local date of the first published version.</summary>
    public DateOnly ClosedOn(IReadOnlyList<PublishedReport> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return contract.Clock.LocalDate(versions.MinBy(v => v.Version)!.PublishedAt);
    }

    /// <summary>The record of a published summary, read from its JSON (the one place the finance code reads it back).</summary>
    private async Task<ClosedMonth> ImportAsync(AssessmentMonth month, int version, DateOnly closedOn, CancellationToken cancellationToken)
    {
        var key = SummaryKey(month);
        var content = await reports.ReadAsync(key, version, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"{key.PathOf(version)} is listed but cannot be read.");
        var name = key.PathOf(version);
        using var summary = HistoryJsonReader.Parse(System.Text.Encoding.UTF8.GetString(content.Content), name);
        var root = summary.RootElement;
        var outcome = MonthOutcomeJson.Read(root.GetProperty("outcome"), name + ": outcome");
        if (!root.TryGetProperty("settlement", out var settlement))
        {
            return new ClosedMonth(options.Value.ContractId, month, version, closedOn, outcome, null, Final: false);
        }

        var settled = MonthOutcomeJson.Read(settlement.GetProperty("outcome"), name + ": settlement.outcome");
        return new ClosedMonth(options.Value.ContractId, month, version, closedOn, outcome, settled, settlement.GetProperty("final").GetBoolean());
    }
}
