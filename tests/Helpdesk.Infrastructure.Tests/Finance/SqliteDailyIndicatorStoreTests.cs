using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The daily-figures contract against SQLite (table <c>daily_indicators</c>; a fresh file per test).</summary>
public sealed class SqliteDailyIndicatorStoreTests : DailyIndicatorStoreContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteDailyIndicatorStoreTests() => Store = new SqliteDailyIndicatorStore(_sqlite.Database);

    protected override IDailyIndicatorStore Store { get; }

    public void Dispose() => _sqlite.Dispose();
}
