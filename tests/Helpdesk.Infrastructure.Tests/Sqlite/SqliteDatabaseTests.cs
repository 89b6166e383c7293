using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Tests.Sqlite;

/// <summary>The per-connection settings are set once per physical connection and hold on every pooled open.</summary>
public class SqliteDatabaseTests
{
    [Fact]
    public async Task Every_open_has_the_connection_settings_including_a_reused_pooled_connection()
    {
        using var sqlite = new TemporarySqlite();
        var ct = TestContext.Current.CancellationToken;
        SQLitePCL.sqlite3 first;
        await using (var connection = await sqlite.Database.OpenAsync(ct))
        {
            first = connection.Handle!;
            Assert.Equal((1L, 1L, 30000L), await SettingsAsync(connection, ct));

            // Change one on this physical connection: a pooled reopen must not run the settings again.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA cache_size=-1234;";
            await command.ExecuteNonQueryAsync(ct);
        }

        await using (var reopened = await sqlite.Database.OpenAsync(ct))
        {
            Assert.Same(first, reopened.Handle);   // the pool gave the same physical connection back
            Assert.Equal((1L, 1L, 30000L), await SettingsAsync(reopened, ct));
            Assert.Equal(-1234L, await ScalarAsync(reopened, "PRAGMA cache_size;", ct));
        }
    }

    [Fact]
    public async Task New_physical_connections_get_the_settings_too()
    {
        using var sqlite = new TemporarySqlite();
        var ct = TestContext.Current.CancellationToken;

        // Several connections open at once are distinct physical connections; then the pool is emptied and refilled.
        var open = new List<SqliteConnection>();
        for (var i = 0; i < 4; i++)
        {
            open.Add(await sqlite.Database.OpenAsync(ct));
        }

        foreach (var connection in open)
        {
            Assert.Equal((1L, 1L, 30000L), await SettingsAsync(connection, ct));
            await connection.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        await using var fresh = await sqlite.Database.OpenAsync(ct);
        Assert.Equal((1L, 1L, 30000L), await SettingsAsync(fresh, ct));
        Assert.Equal("wal", await ScalarTextAsync(fresh, "PRAGMA journal_mode;", ct));
    }

    private static async Task<(long Synchronous, long ForeignKeys, long BusyTimeout)> SettingsAsync(SqliteConnection connection, CancellationToken ct) =>
        (await ScalarAsync(connection, "PRAGMA synchronous;", ct),
         await ScalarAsync(connection, "PRAGMA foreign_keys;", ct),
         await ScalarAsync(connection, "PRAGMA busy_timeout;", ct));

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<string> ScalarTextAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
