using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The roster contract against SQLite (group_members, workload from the tickets' read model; a fresh file per test).</summary>
public sealed class SqliteAgentRosterTests : AgentRosterContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteAgentRosterTests()
    {
        Store = new SqliteTicketStore(_sqlite.Database, new NoOutboxSignal(), Deadlines);
        Roster = new SqliteAgentRoster(_sqlite.Database);
    }

    protected override ITicketStore Store { get; }

    protected override IAgentRoster Roster { get; }

    public void Dispose() => _sqlite.Dispose();
}
