using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Penalties;

/// <summary>
/// Settles a month's assessment (seed 003 3.8, 3.8.1; ADR-015), as a pure function of its figures, the recorded
/// justifications and the day: accepted or tacitly accepted indicators carry no reduction and are no longer misses for
/// aggravation and rescission; rejected in time, or never (validly) justified, they stay on this invoice; rejected after
/// the manager's deadline they move to a later invoice (<see cref="DeferredReduction"/>); and the reductions earlier
/// months deferred to this one are carried in, once each.
/// </summary>
public static class SettlementCalculator
{
    /// <param name="history">Earlier months' settled outcomes (their <see cref="MonthOutcome.Deferred"/> feed the carry-in).</param>
    public static MonthSettlement Settle(
        AssessmentContract contract,
        Calendar.BusinessCalendar calendar,
        MonthlyAssessment assessment,
        SettlementInput input,
        IReadOnlyList<MonthOutcome> history)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(history);
        var month = assessment.Month;
        var recorded = input.Justifications
            .GroupBy(j => j.Indicator, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var settled = new List<SettledIndicator>();
        foreach (var id in assessment.Outcome.MissedIndicators.Order(StringComparer.Ordinal))
        {
            var amount = assessment.Indicators.Where(r => r.Id == id).Aggregate(Money.Zero, (sum, r) => sum + r.PenaltyAmount);
            var justification = recorded.GetValueOrDefault(id);
            var outcome = JustificationWorkflow.Resolve(
                contract.Justification,
                calendar,
                input.ClosedOn,
                justification?.SubmittedOn,
                justification is { Decision: { } d, DecidedOn: { } on } ? (d, on) : null,
                input.Today);
            AssessmentMonth? deferredTo = null;
            if (outcome.Disposition == PenaltyDisposition.DeferredToNextInvoice)
            {
                var decided = AssessmentMonth.Of(justification!.DecidedOn!.Value);
                deferredTo = decided > month ? decided : month.AddMonths(1);
            }

            settled.Add(new SettledIndicator(id, amount, outcome, justification, deferredTo));
        }

        var own = Sum(settled.Where(s => s.OnThisInvoice));
        if (own > assessment.PenaltyAmount)
        {
            own = assessment.PenaltyAmount; // options.totalCap bit the month's fines: never settle more than was assessed
        }

        var carriedIn = history
            .Where(h => h.Month < month)
            .SelectMany(h => h.Deferred)
            .Where(d => d.To == month)
            .DistinctBy(d => (d.From, d.Indicator))
            .OrderBy(d => d.From)
            .ThenBy(d => d.Indicator, StringComparer.Ordinal)
            .ToList();

        var cleared = settled.Where(s => s.Cleared).Select(s => s.Indicator).ToHashSet(StringComparer.Ordinal);
        var outcomeAfter = new MonthOutcome(
            month,
            assessment.Outcome.Invoice,
            assessment.Outcome.MissedIndicators.Where(id => !cleared.Contains(id)).ToHashSet(StringComparer.Ordinal),
            assessment.Indicators.Where(r => r.Impact != Impact.None && !cleared.Contains(r.Id)).Select(r => r.Impact).ToList())
        {
            Deferred = settled.Where(s => s.DeferredTo is not null).Select(s => new DeferredReduction(month, s.Indicator, s.Amount, s.DeferredTo!.Value)).ToList(),
        };
        var aggravations = assessment.StabilizationWaived ? [] : AggravationCalculator.Compute(contract.Aggravations, history, outcomeAfter);

        return new MonthSettlement
        {
            ClosedOn = input.ClosedOn,
            Final = settled.All(s => s.Outcome.Disposition != PenaltyDisposition.Pending),
            Indicators = settled,
            CarriedIn = carriedIn,
            Applied = Sum(settled.Where(s => s.Outcome.Disposition == PenaltyDisposition.Applied)),
            Pending = Sum(settled.Where(s => s.Outcome.Disposition == PenaltyDisposition.Pending)),
            Waived = Sum(settled.Where(s => s.Cleared)),
            Deferred = Sum(settled.Where(s => s.DeferredTo is not null)),
            OwnOnThisInvoice = own,
            Aggravations = aggravations,
            Rescission = RescissionStatus.Evaluate(contract.Rescission, history, outcomeAfter),
            Outcome = outcomeAfter,
        };
    }

    private static Money Sum(IEnumerable<SettledIndicator> items) => items.Aggregate(Money.Zero, (sum, s) => sum + s.Amount);
}
