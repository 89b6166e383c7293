using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Penalties;

/// <summary>One missed indicator after the justification workflow: its reduction, disposition, deadlines and where the reduction goes.</summary>
public sealed record SettledIndicator(string Indicator, Money Amount, JustificationOutcome Outcome, JustificationRecord? Justification, AssessmentMonth? DeferredTo)
{
    /// <summary>Whether the reduction counts on the assessed month's own invoice (applied, or provisionally while a window is open).</summary>
    public bool OnThisInvoice => Outcome.Disposition is PenaltyDisposition.Applied or PenaltyDisposition.Pending;

    /// <summary>Accepted, or tacitly accepted: no reduction, and no miss by the supplier's responsibility (4.12, 4.13, 4.2).</summary>
    public bool Cleared => Outcome.Disposition is PenaltyDisposition.Waived or PenaltyDisposition.TacitlyAccepted;
}
