namespace Helpdesk.Application.Ports;

/// <summary>
/// One indicator of the dashboard's daily series: the month-to-date figure of <see cref="Day"/>'s month as it stood at
/// the end of that day (São Paulo), with its numerator and denominator.
/// </summary>
public sealed record DailyIndicator(DateOnly Day, string IndicatorId, string Name, decimal Numerator, decimal Denominator, decimal? Value, decimal? Target, bool? Met);

/// <summary>Where the daily timer keeps the dashboard's figures (a small table).</summary>
public interface IDailyIndicatorStore
{
    /// <summary>Replaces the figures of <paramref name="day"/> (storing the same figures twice changes nothing).</summary>
    Task SaveAsync(DateOnly day, IReadOnlyList<DailyIndicator> figures, DateTimeOffset computedAt, CancellationToken cancellationToken);

    /// <summary>The figures of the days in [<paramref name="from"/>, <paramref name="to"/>], by day then indicator.</summary>
    Task<IReadOnlyList<DailyIndicator>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
