using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Configuration;

/// <summary>The catalogue contract against SQLite (table <c>catalogue</c>; a fresh file per test).</summary>
public sealed class SqliteCatalogueStoreTests : CatalogueStoreContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteCatalogueStoreTests() => Store = new SqliteCatalogueStore(_sqlite.Database);

    protected override ICatalogueStore Store { get; }

    public void Dispose() => _sqlite.Dispose();

    protected override async Task StoreAsAnOlderVersionDidAsync(string document)
    {
        await using var connection = await _sqlite.Database.OpenAsync(Ct);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO catalogue(id, document, version, changed_by, changed_at) VALUES (1, $doc, 1, 'supervisor.ana', '2026-01-05T13:00:00.0000000Z')";
        insert.Parameters.AddWithValue("$doc", document);
        Assert.Equal(1, await insert.ExecuteNonQueryAsync(Ct));
    }
}

/// <summary>The institution contract against SQLite (table <c>institution_domains</c>, seeded by the schema's migrations).</summary>
public sealed class SqliteInstitutionDirectoryTests : InstitutionDirectoryContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteInstitutionDirectoryTests() => Directory = new SqliteInstitutionDirectory(_sqlite.Database);

    protected override IInstitutionDirectory Directory { get; }

    private SqliteDatabase? _reopened;

    /// <summary>A new database object over the same file: the schema is applied again, and must not seed again.</summary>
    protected override IInstitutionDirectory OpenAgain() => new SqliteInstitutionDirectory(_reopened = new SqliteDatabase(_sqlite.Database.Path));

    public void Dispose()
    {
        _reopened?.Dispose();
        _sqlite.Dispose();
    }
}

/// <summary>The knowledge base contract against SQLite (table <c>kb_articles</c>; a fresh file per test).</summary>
public sealed class SqliteKnowledgeBaseTests : KnowledgeBaseContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteKnowledgeBaseTests() => Knowledge = new SqliteKnowledgeBase(_sqlite.Database);

    protected override IKnowledgeBase Knowledge { get; }

    public void Dispose() => _sqlite.Dispose();
}
