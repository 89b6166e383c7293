using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The ticket-history contract against the embedded SQLite database (a fresh file per test).</summary>
public sealed class SqliteTicketHistoryTests : TicketHistoryContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();
    private readonly SqliteDatabase _database;

    public SqliteTicketHistoryTests()
    {
        _database = _sqlite.Database;
        Store = new SqliteTicketStore(_database, new NoOutboxSignal(), new NoTicketDeadlines());
        History = new SqliteTicketHistory(_database);
    }

    protected override ITicketStore Store { get; }

    protected override ITicketHistory History { get; }

    public void Dispose() => _sqlite.Dispose();
}
