namespace Helpdesk.Application.Ports;

/// <summary>Records that the service answered at a given minute (feeds the availability indicator).</summary>
public interface IAvailabilityLog
{
    Task RecordHeartbeatAsync(DateTimeOffset at, CancellationToken cancellationToken);

    Task<int> CountHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken);

    /// <summary>The minutes (UTC, seconds zero) with a heartbeat in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>), in time order.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ListHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken);
}
