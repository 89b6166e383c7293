namespace Helpdesk.Domain.Indicators;

/// <summary>A downtime interval [<see cref="Start"/>, <see cref="End"/>) counted against availability.</summary>
public readonly record struct Outage(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Duration => End - Start;
}
