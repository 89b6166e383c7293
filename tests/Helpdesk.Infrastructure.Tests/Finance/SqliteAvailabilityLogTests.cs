using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The embedded heartbeat log read back as minutes, what the availability indicator is computed from.</summary>
public sealed class SqliteAvailabilityLogTests : IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Heartbeats_are_listed_as_UTC_minutes_in_time_order_once_each_within_the_range()
    {
        var log = new SqliteAvailabilityLog(_sqlite.Database);
        var minute = new DateTimeOffset(2026, 12, 1, 2, 59, 0, TimeSpan.Zero); // 30/11 23:59 in São Paulo
        await log.RecordHeartbeatAsync(minute.AddMinutes(1).AddSeconds(12), Ct);
        await log.RecordHeartbeatAsync(minute.AddSeconds(5), Ct);
        await log.RecordHeartbeatAsync(minute.AddSeconds(40), Ct); // the same minute again: one heartbeat
        await log.RecordHeartbeatAsync(minute.AddMinutes(-5), Ct);

        var listed = await log.ListHeartbeatsAsync(minute.AddMinutes(-1), minute.AddMinutes(2), Ct);

        Assert.Equal([minute, minute.AddMinutes(1)], listed);
        Assert.All(listed, m => Assert.Equal(TimeSpan.Zero, m.Offset));
        Assert.Equal(listed.Count, await log.CountHeartbeatsAsync(minute.AddMinutes(-1), minute.AddMinutes(2), Ct));
    }

    public void Dispose() => _sqlite.Dispose();
}
