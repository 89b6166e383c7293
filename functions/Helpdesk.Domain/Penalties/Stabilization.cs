using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Penalties;

/// <summary>The stabilization period from the contract's start (seed 003 3.3: 90 days). By default the targets apply
/// from the first day (<see cref="StabilizationPolicy.ApplyTargets"/>): a relaxation is an agreement, written down as a
/// <see cref="Flexibilization"/> with its dates and terms.</summary>
public sealed record Stabilization(int Days = 90, StabilizationPolicy Policy = StabilizationPolicy.ApplyTargets)
{
    /// <summary>The agreed relaxations (contract <c>stabilization.flexibilizations</c>).</summary>
    public IReadOnlyList<Flexibilization> Flexibilizations { get; init; } = [];

    /// <summary>True when fines of <paramref name="month"/> are waived: it starts before the period ends (or before the contract).</summary>
    public bool Waives(AssessmentMonth month, DateOnly? contractStart) =>
        Policy == StabilizationPolicy.WaivePenalties && contractStart is { } start && month.FirstDay < start.AddDays(Days);
}
