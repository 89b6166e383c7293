using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>Closes a test's SQLite database (pooled connections included) and deletes its folder, best effort.</summary>
internal static class SqliteFiles
{
    public static void Remove(SqliteDatabase database, string folder)
    {
        database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a file may still be open for a moment
        }
    }
}
