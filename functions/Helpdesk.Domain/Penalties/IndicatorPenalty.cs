namespace Helpdesk.Domain.Penalties;

/// <summary>The fine for one indicator in one month: rate of its base, amount, impact (for impact tables), whether the cap bit.</summary>
public sealed record IndicatorPenalty(Percent Rate, Money Amount, Impact Impact, bool Capped)
{
    public static IndicatorPenalty None { get; } = new(Percent.Zero, Money.Zero, Impact.None, false);
}
