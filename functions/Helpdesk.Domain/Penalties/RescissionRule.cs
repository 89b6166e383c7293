namespace Helpdesk.Domain.Penalties;

/// <summary>
/// Seed 003 4.2: 3 high-, 5 medium- or 7 low-impact fines within 12 consecutive months allow rescission. The product
/// warns when any count is within <see cref="WarnMargin"/> of its threshold (default 1: one fine away).
/// </summary>
public sealed record RescissionRule
{
    public static RescissionRule Default { get; } = new();

    public int High { get; init; } = 3;

    public int Medium { get; init; } = 5;

    public int Low { get; init; } = 7;

    public int WindowMonths { get; init; } = 12;

    public int WarnMargin { get; init; } = 1;
}
