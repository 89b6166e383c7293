using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The ticket-list contract against the embedded SQLite read model (a fresh file per test).</summary>
public sealed class SqliteTicketQueriesTests : TicketQueriesContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteTicketQueriesTests()
    {
        Store = new SqliteTicketStore(_sqlite.Database, new NoOutboxSignal(), Deadlines);
        Queries = new SqliteTicketQueries(_sqlite.Database);
    }

    protected override ITicketStore Store { get; }

    protected override ITicketQueries Queries { get; }

    public void Dispose() => _sqlite.Dispose();
}
