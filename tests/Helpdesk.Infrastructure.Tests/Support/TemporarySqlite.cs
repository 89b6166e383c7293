using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>A fresh SQLite store file in its own temporary folder, deleted (best effort) on dispose.</summary>
public sealed class TemporarySqlite : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdesk-sqlite-tests", Guid.NewGuid().ToString("N"));

    public TemporarySqlite() => Database = new SqliteDatabase(Path.Combine(_folder, "helpdesk.db"));

    public SqliteDatabase Database { get; }

    public void Dispose()
    {
        Database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a file may still be open for a moment
        }
    }
}
