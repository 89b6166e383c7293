using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Indicators;

/// <summary>
/// One indicator of the contract: what is measured (<see cref="Formula"/>, with its <see cref="Parameter"/> such as
/// 7 minutes or 5 business days), the target and how it compares, target changes per contract year, the penalty rule,
/// and the invoice share the fine falls on (<see cref="Channel"/>, seed 003 4.14; null = the whole invoice).
/// </summary>
public sealed record IndicatorDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Where in the contract text the indicator comes from (e.g. "3, item 6"), cited by the readings.</summary>
    public string? Source { get; init; }

    public required IndicatorFormula Formula { get; init; }

    public decimal? Parameter { get; init; }

    /// <summary>Null for an indicator reported without a target (SCM3: "regulator's target", not in the seeds).</summary>
    public decimal? Target { get; init; }

    public required Comparison Comparison { get; init; }

    public IReadOnlyList<TargetChange> TargetChanges { get; init; } = [];

    /// <summary>Null for indicators that are reported but carry no fine (SCM3, SCM14 in the ministry's contract).</summary>
    public PenaltyRule? Penalty { get; init; }

    public string? Channel { get; init; }

    public IndicatorUnit Unit => Formula is IndicatorFormula.MeanWait or IndicatorFormula.MeanHandling or IndicatorFormula.ChatMeanHandling
        ? IndicatorUnit.Seconds
        : IndicatorUnit.Percent;

    /// <summary>The target that applies in a contract year (1-based): the last change at or before that year, else <see cref="Target"/>.</summary>
    public decimal? TargetFor(int contractYear) =>
        TargetChanges.Where(c => c.FromContractYear <= contractYear).OrderBy(c => c.FromContractYear).LastOrDefault() is { } change ? change.Target : Target;
}
