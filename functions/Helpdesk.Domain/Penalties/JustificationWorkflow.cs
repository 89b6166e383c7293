using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Penalties;

/// <summary>
/// Seed 003 3.8 / 3.8.1 as a pure function of dates: closing of the assessment, the supplier's submission, the
/// manager's decision, and today. No clock is read.
/// </summary>
public static class JustificationWorkflow
{
    public static JustificationOutcome Resolve(
        JustificationRules rules,
        BusinessCalendar calendar,
        DateOnly closedOn,
        DateOnly? submittedOn,
        (JustificationDecision Decision, DateOnly On)? decision,
        DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        var supplierDeadline = calendar.NthBusinessDay(closedOn, rules.SupplierBusinessDays);
        if (submittedOn is not { } submitted || submitted > supplierDeadline)
        {
            // No justification (or one submitted too late, which is not considered).
            var open = submittedOn is null && today <= supplierDeadline;
            return new JustificationOutcome(open ? PenaltyDisposition.Pending : PenaltyDisposition.Applied, supplierDeadline, null);
        }

        var windowStart = rules.ManagerWindowStart == ManagerWindowStart.Submission ? submitted : supplierDeadline;
        var managerDeadline = calendar.NthBusinessDay(windowStart, rules.ManagerBusinessDays);
        var disposition = decision switch
        {
            { Decision: JustificationDecision.Accepted } => PenaltyDisposition.Waived,
            { Decision: JustificationDecision.Rejected, On: var on } when on <= managerDeadline => PenaltyDisposition.Applied,
            { Decision: JustificationDecision.Rejected } => PenaltyDisposition.DeferredToNextInvoice,
            _ when today <= managerDeadline => PenaltyDisposition.Pending,
            _ => PenaltyDisposition.TacitlyAccepted,
        };
        return new JustificationOutcome(disposition, supplierDeadline, managerDeadline);
    }
}
