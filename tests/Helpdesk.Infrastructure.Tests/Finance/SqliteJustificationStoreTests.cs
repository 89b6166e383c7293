using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The justification contract against SQLite (table <c>justifications</c>; a fresh file per test).</summary>
public sealed class SqliteJustificationStoreTests : JustificationStoreContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteJustificationStoreTests() => Store = new SqliteJustificationStore(_sqlite.Database);

    protected override IJustificationStore Store { get; }

    public void Dispose() => _sqlite.Dispose();
}
