using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The closed-month contract against SQLite (table <c>closed_months</c>; a fresh file per test).</summary>
public sealed class SqliteClosedMonthStoreTests : ClosedMonthStoreContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteClosedMonthStoreTests() => Store = new SqliteClosedMonthStore(_sqlite.Database);

    protected override IClosedMonthStore Store { get; }

    public void Dispose() => _sqlite.Dispose();
}
