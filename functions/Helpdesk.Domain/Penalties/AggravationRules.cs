namespace Helpdesk.Domain.Penalties;

/// <summary>
/// Seed 003 4.12 (two consecutive months missed: 1 % of the average invoice of those two months) and 4.13 (a whole
/// semester missed: 0.5 % of the sum of the invoices of that semester).
/// </summary>
public sealed record AggravationRules
{
    public static AggravationRules Default { get; } = new();

    public int ConsecutiveMonths { get; init; } = 2;

    public Percent ConsecutiveRate { get; init; } = Percent.Of(1m);

    public int SemesterMonths { get; init; } = 6;

    public Percent SemesterRate { get; init; } = Percent.Of(0.5m);

    public AggravationScope Scope { get; init; } = AggravationScope.SameIndicator;

    public AggravationWindows Windows { get; init; } = AggravationWindows.NonOverlapping;
}
