using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Finance;

/// <summary>
/// One month's assessment from exported records, as both <c>helpdesk assess</c> and the monthly closing run it: the
/// assessment sections of the contract, the business days of its calendar, the tickets of the export, and optionally
/// the call-centre intervals, the probe's heartbeats, the invoice, earlier months' outcomes (aggravations, rescission,
/// carried-in reductions) and the justifications that settle it (seed 003 3.8; ADR-015).
/// </summary>
public static class AssessmentRun
{
    public static MonthlyAssessment Assess(
        AssessmentContract contract,
        ContractDefinition definition,
        AssessmentMonth month,
        IEnumerable<ExportedTicket> tickets,
        IEnumerable<CallCentreInterval>? calls,
        Money? invoice,
        IReadOnlyList<MonthOutcome> history,
        AvailabilityInput? availability = null,
        SettlementInput? settlement = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(definition);
        var calendar = definition.BuildCalendar(month.Year - 2, month.Year + 1);
        var assessment = MonthlyAssessor.Assess(contract, new AssessmentInput(month, tickets)
        {
            CallIntervals = calls,
            Availability = availability,
            Invoice = invoice,
            History = history,
            Calendar = calendar,
        });
        return settlement is null
            ? assessment
            : assessment with { Settlement = SettlementCalculator.Settle(contract, calendar, assessment, settlement, history) };
    }
}
