namespace Helpdesk.Domain.Indicators;

/// <summary>
/// The availability probe's heartbeats for an assessment: every heartbeat instant from <see cref="AvailabilityProbeRule.Margin"/>
/// before the month's start to that margin after <see cref="Until"/> (earlier or later beats are ignored), and the end of
/// the measured period: the month's end for a closing, the end of the day for the month-to-date daily figures.
/// </summary>
public sealed record AvailabilityInput(IReadOnlyCollection<DateTimeOffset> Heartbeats, DateTimeOffset Until)
{
    public AvailabilityProbeRule Rule { get; init; } = AvailabilityProbeRule.Default;
}
