using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance;

/// <summary>
/// The daily re-settling (ADR-015): the last <see cref="MonthsBack"/> closed months whose published settlement still has
/// an open justification window are closed again, so that a window that expired (silence of the supplier: applied;
/// silence of the manager: tacit acceptance) shows in the published documents the next morning. Closing again publishes a
/// new version only when the summary changed, so a run on a day without transitions publishes nothing.
/// </summary>
public sealed class Resettlement(MonthlyClosing closing, SettlementInputs inputs)
{
    /// <summary>The supplier's and the manager's windows (5 + 5 business days from the closing) end within the next month.</summary>
    public const int MonthsBack = 2;

    public async Task<IReadOnlyList<ClosingResult>> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = new List<ClosingResult>();
        var current = closing.PreviousMonth(now).AddMonths(1);
        for (var back = MonthsBack; back >= 1; back--)
        {
            var month = current.AddMonths(-back);
            if (await inputs.IsOpenAsync(month, cancellationToken).ConfigureAwait(false))
            {
                results.Add(await SettleAsync(month, now, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    /// <summary>Settles a month again at once (a justification or a decision was recorded): closes it again, one closing
    /// at a time (<see cref="MonthlyClosing.CloseAsync"/>).</summary>
    public Task<ClosingResult> SettleAsync(AssessmentMonth month, DateTimeOffset now, CancellationToken cancellationToken) =>
        closing.CloseAsync(month, now, cancellationToken);
}
