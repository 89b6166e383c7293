using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Penalties;

/// <summary>
/// An agreed relaxation of the targets (seed 003 3.3: in the stabilization period "as metas definidas poderão ser
/// flexibilizadas por acordo entre as partes"): an entry of the contract document with its dates and terms, never an
/// automatic waiver. In a month that starts within <see cref="From"/>–<see cref="To"/> the fines of the indicators it
/// names (none named: every indicator) are waived; the figures are still reported and the summary cites the entry.
/// </summary>
public sealed record Flexibilization(DateOnly From, DateOnly To, string Terms, IReadOnlyList<string> Indicators)
{
    public bool Covers(AssessmentMonth month, string indicatorId) =>
        month.FirstDay >= From && month.FirstDay <= To && (Indicators.Count == 0 || Indicators.Contains(indicatorId, StringComparer.Ordinal));

    public bool AppliesTo(AssessmentMonth month) => month.FirstDay >= From && month.FirstDay <= To;
}
