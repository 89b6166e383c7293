using System.Text.Json;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Penalties;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Finance;

/// <summary>
/// What settling a month reads besides its tickets (ADR-015): the day it was closed (the São Paulo date of its first
/// published summary, or today for the first closing), today, and the justifications recorded for it.
/// </summary>
public sealed class SettlementInputs(IReportStore reports, IJustificationStore store, IOptions<FinanceOptions> options, FinanceContract contract)
{
    public ReportKey SummaryKey(AssessmentMonth month) =>
        new(options.Value.ContractId, ReportMonth.Create(month.Year, month.Month), MonthlyClosing.SummaryFile);

    /// <summary>The closing day of the month's assessment, or null if it was never closed.</summary>
    public async Task<DateOnly?> ClosedOnAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        var versions = await reports.ListVersionsAsync(SummaryKey(month), cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? null : contract.Clock.LocalDate(versions.MinBy(v => v.Version)!.PublishedAt);
    }

    public async Task<SettlementInput> ForAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = contract.Clock.LocalDate(now);
        var closedOn = await ClosedOnAsync(month, cancellationToken).ConfigureAwait(false) ?? today;
        var recorded = await store.ListAsync(options.Value.ContractId, month.ToString(), cancellationToken).ConfigureAwait(false);
        return new SettlementInput(closedOn, today, recorded.Select(j => new JustificationRecord(j.Indicator, j.SubmittedOn, j.Decision, j.DecidedOn)).ToList());
    }

    /// <summary>Whether the month's latest summary still has an open window (or predates settlement): the daily re-settling's test.</summary>
    public async Task<bool> IsOpenAsync(AssessmentMonth month, CancellationToken cancellationToken)
    {
        if (await reports.ReadAsync(SummaryKey(month), null, cancellationToken).ConfigureAwait(false) is not { } latest)
        {
            return false;
        }

        using var summary = JsonDocument.Parse(latest.Content);
        return !summary.RootElement.TryGetProperty("settlement", out var settlement) || !settlement.GetProperty("final").GetBoolean();
    }
}
