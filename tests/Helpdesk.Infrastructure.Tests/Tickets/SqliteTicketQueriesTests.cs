using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The ticket-list contract against the embedded SQLite read model (a fresh file per test).</summary>
public sealed class SqliteTicketQueriesTests : TicketQueriesContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdesk-sqlite-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;

    public SqliteTicketQueriesTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "helpdesk.db"));
        Store = new SqliteTicketStore(_database, new NoOutboxSignal(), Deadlines);
        Queries = new SqliteTicketQueries(_database);
    }

    protected override ITicketStore Store { get; }

    protected override ITicketQueries Queries { get; }

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>An outbox signal nobody listens to (the tests read the store directly).</summary>
internal sealed class NoOutboxSignal : IOutboxSignal
{
    public void Notify()
    {
    }
}
