using Helpdesk.Application.Ports;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Common;

namespace Helpdesk.Application.Finance;

/// <summary>
/// The dashboard's daily figures: for a day D (São Paulo), the month-to-date assessment of D's month as it stood at the
/// end of D (the product's export as of the next midnight), one row per indicator, stored in place of any earlier
/// figures of D. Consecutive days show how the month is going; the closing publishes the final figures.
/// </summary>
public sealed class DailyIndicators(TicketExport export, IDailyIndicatorStore store, FinanceContract contract)
{
    /// <summary>The day before the one <paramref name="now"/> falls in (São Paulo calendar).</summary>
    public static DateOnly PreviousDay(DateTimeOffset now) => ZonedMonth.LocalDate(now, SaoPaulo.Zone).AddDays(-1);

    public async Task<IReadOnlyList<DailyIndicator>> ComputeAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var month = AssessmentMonth.Of(day);
        var from = ZonedMonth.StartOfDay(month.FirstDay, SaoPaulo.Zone);
        var end = ZonedMonth.StartOfDay(day.AddDays(1), SaoPaulo.Zone);
        var tickets = await export.ReadBackAsync(from, end < now ? end : now, cancellationToken).ConfigureAwait(false);
        var assessment = AssessmentRun.Assess(contract.Assessment, contract.Definition, month, tickets, null, null, []);
        var figures = assessment.Indicators
            .Select(r => new DailyIndicator(day, r.Id, r.Name, r.Measurement.Numerator, r.Measurement.Denominator, r.Value, r.Target, r.Met))
            .ToList();
        await store.SaveAsync(day, figures, now, cancellationToken).ConfigureAwait(false);
        return figures;
    }
}
