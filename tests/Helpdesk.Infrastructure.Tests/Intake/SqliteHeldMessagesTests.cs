using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Intake;

/// <summary>The held-messages contract against SQLite (table <c>held_messages</c>; a fresh file per test).</summary>
public sealed class SqliteHeldMessagesTests : HeldMessagesContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteHeldMessagesTests() => Store = new SqliteHeldMessages(_sqlite.Database);

    protected override IHeldMessages Store { get; }

    public void Dispose() => _sqlite.Dispose();
}
