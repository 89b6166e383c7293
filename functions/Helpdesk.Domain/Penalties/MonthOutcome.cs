using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Penalties;

/// <summary>
/// What an earlier (or the current) month's assessment left behind, as needed by the aggravation and rescission rules:
/// the invoice, the indicators whose targets were missed (by the supplier's responsibility: accepted justifications
/// removed), and the impact fines applied.
/// </summary>
public sealed record MonthOutcome(AssessmentMonth Month, Money Invoice, IReadOnlySet<string> MissedIndicators, IReadOnlyList<Impact> ImpactFines)
{
    /// <summary>Reductions of this month moved to a later invoice by a late rejection (settled outcomes only; ADR-015).</summary>
    public IReadOnlyList<DeferredReduction> Deferred { get; init; } = [];
}
