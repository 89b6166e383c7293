using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Finance;

/// <summary>
/// What settling a month reads besides its tickets (ADR-015): the day it was closed (the São Paulo date of its first
/// published summary, or today for the first closing), today, and the justifications recorded for it.
/// </summary>
public sealed class SettlementInputs(ClosedMonths closedMonths, IJustificationStore store, IOptions<FinanceOptions> options, FinanceContract contract)
{
    /// <summary>The closing day of the month's assessment, or null if it was never closed.</summary>
    public async Task<DateOnly?> ClosedOnAsync(AssessmentMonth month, CancellationToken cancellationToken) =>
        (await closedMonths.GetAsync(month, cancellationToken).ConfigureAwait(false))?.ClosedOn;

    public async Task<SettlementInput> ForAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = contract.Clock.LocalDate(now);
        var closedOn = await ClosedOnAsync(month, cancellationToken).ConfigureAwait(false) ?? today;
        var recorded = await store.ListAsync(options.Value.ContractId, month.ToString(), cancellationToken).ConfigureAwait(false);
        return new SettlementInput(closedOn, today, recorded.Select(j => new JustificationRecord(j.Indicator, j.SubmittedOn, j.Decision, j.DecidedOn)).ToList());
    }

    /// <summary>Whether the month was closed and its latest summary still has an open window (or predates settlement):
    /// the daily re-settling's test.</summary>
    public async Task<bool> IsOpenAsync(AssessmentMonth month, CancellationToken cancellationToken) =>
        await closedMonths.GetAsync(month, cancellationToken).ConfigureAwait(false) is { Final: false };
}
