namespace Helpdesk.Domain.Penalties;

/// <summary>
/// "X % of the invoice for each Y p.p. below the target" (indicators 1, 4, 6, 7), optionally capped (30 % for 1 and 4).
/// </summary>
public sealed record PerStepRule : PenaltyRule
{
    public PerStepRule(Percent finePerStep, decimal step, PartialPoints partialPoints = PartialPoints.WholeStepsOnly, ShortfallOrigin origin = ShortfallOrigin.Target)
    {
        if (step <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "A step must be positive.");
        }

        FinePerStep = finePerStep;
        Step = step;
        PartialPoints = partialPoints;
        Origin = origin;
    }

    public Percent FinePerStep { get; }

    /// <summary>The size of one step in the indicator's unit (1 p.p. for indicator 1; 0.5 p.p. for indicator 6).</summary>
    public decimal Step { get; }

    public PartialPoints PartialPoints { get; }

    public ShortfallOrigin Origin { get; }

    /// <summary>The uncapped percentage for a shortfall (distance past the target or the ideal, in the indicator's unit).</summary>
    public decimal Uncapped(decimal shortfall)
    {
        if (shortfall <= 0m)
        {
            return 0m;
        }

        var steps = shortfall / Step;
        if (PartialPoints == PartialPoints.WholeStepsOnly)
        {
            steps = decimal.Floor(steps);
        }

        return steps * FinePerStep.Value;
    }
}
