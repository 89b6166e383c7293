using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Application.Finance;

/// <summary>
/// The dashboard's daily figures: for a day D (São Paulo), the month-to-date assessment of D's month as it stood at the
/// end of D (the product's export as of the next midnight), one row per indicator, stored in place of any earlier
/// figures of D. The imported call-centre intervals that started by then and the probe's heartbeats up to then count too.
/// Consecutive days show how the month is going; the closing publishes the final figures.
/// </summary>
public sealed class DailyIndicators(TicketExport export, IDailyIndicatorStore store, FinanceContract contract, ClosingInputs inputs)
{
    /// <summary>The day before the one <paramref name="now"/> falls in (São Paulo calendar).</summary>
    public DateOnly PreviousDay(DateTimeOffset now) => contract.Clock.LocalDate(now).AddDays(-1);

    public async Task<IReadOnlyList<DailyIndicator>> ComputeAsync(DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var month = AssessmentMonth.Of(day);
        var from = contract.Clock.StartOfDay(month.FirstDay);
        var end = contract.Clock.StartOfDay(day.AddDays(1));
        var asOf = end < now ? end : now;
        var tickets = await export.ReadBackAsync(from, asOf, cancellationToken).ConfigureAwait(false);
        var calls = await inputs.CallsAsync(month, cancellationToken).ConfigureAwait(false);
        var availability = await inputs.AvailabilityAsync(month, asOf, cancellationToken).ConfigureAwait(false);
        var assessment = AssessmentRun.Assess(contract.Assessment, contract.Definition, month, tickets, calls?.Where(c => c.Start < asOf), null, [], availability);
        var figures = assessment.Indicators
            .Select(r => new DailyIndicator(day, r.Id, r.Name, r.Measurement.Numerator, r.Measurement.Denominator, r.Value, r.Target, r.Met))
            .ToList();
        await store.SaveAsync(day, figures, now, cancellationToken).ConfigureAwait(false);
        return figures;
    }
}
