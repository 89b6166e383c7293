using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Tests.Sqlite;

/// <summary>The per-connection settings (synchronous=FULL since issue 21) are set once per physical connection and hold on
/// every pooled open; writes are committed in groups, each answered after its group's commit, each undone alone.</summary>
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
            Assert.Equal((2L, 1L, 30000L), await SettingsAsync(connection, ct));

            // Change one on this physical connection: a pooled reopen must not run the settings again.
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA cache_size=-1234;";
            await command.ExecuteNonQueryAsync(ct);
        }

        await using (var reopened = await sqlite.Database.OpenAsync(ct))
        {
            Assert.Same(first, reopened.Handle);   // the pool gave the same physical connection back
            Assert.Equal((2L, 1L, 30000L), await SettingsAsync(reopened, ct));
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
            Assert.Equal((2L, 1L, 30000L), await SettingsAsync(connection, ct));
            await connection.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        await using var fresh = await sqlite.Database.OpenAsync(ct);
        Assert.Equal((2L, 1L, 30000L), await SettingsAsync(fresh, ct));
        Assert.Equal("wal", await ScalarTextAsync(fresh, "PRAGMA journal_mode;", ct));
    }

    private static async Task CreateTableAsync(SqliteDatabase database, CancellationToken ct) =>
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);";
                return await command.ExecuteNonQueryAsync(ct);
            },
            ct);

    private static Task<int> InsertAsync(SqliteDatabase database, int id, Task? gate, CancellationToken ct) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                if (gate is not null)
                {
                    await gate;
                }

                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO t (id, v) VALUES ($id, 'x');";
                command.Parameters.AddWithValue("$id", id);
                return await command.ExecuteNonQueryAsync(ct);
            },
            ct);

    [Fact]
    public async Task Writes_waiting_together_share_one_commit_and_each_is_readable_once_answered()
    {
        using var sqlite = new TemporarySqlite();
        var ct = TestContext.Current.CancellationToken;
        await CreateTableAsync(sqlite.Database, ct);
        var before = sqlite.Database.GroupStatistics;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first write holds the writer until the other 199 are queued: they then go in at most two groups.
        var first = InsertAsync(sqlite.Database, 0, gate.Task, ct);
        var rest = Enumerable.Range(1, 199).Select(i => InsertAsync(sqlite.Database, i, null, ct)).ToList();
        gate.SetResult();
        await Task.WhenAll(rest.Append(first));

        var after = sqlite.Database.GroupStatistics;
        Assert.Equal(200, after.Writes - before.Writes);
        Assert.InRange(after.Commits - before.Commits, 2, 3); // 1 + ceil(199 / MaxGroup), not 200
        await using var reader = await sqlite.Database.OpenAsync(ct);
        Assert.Equal(200L, await ScalarAsync(reader, "SELECT count(*) FROM t;", ct));
    }

    [Fact]
    public async Task A_write_that_fails_is_undone_alone_and_the_rest_of_its_group_is_committed()
    {
        using var sqlite = new TemporarySqlite();
        var ct = TestContext.Current.CancellationToken;
        await CreateTableAsync(sqlite.Database, ct);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = InsertAsync(sqlite.Database, 1, gate.Task, ct);
        var good = InsertAsync(sqlite.Database, 2, null, ct);
        var twoRowsThenFails = sqlite.Database.WriteAsync<int>(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT INTO t (id, v) VALUES (100, 'y'); INSERT INTO t (id, v) VALUES (1, 'duplicate');";
                return await command.ExecuteNonQueryAsync(ct);
            },
            ct);
        var throws = sqlite.Database.WriteAsync<int>((_, _) => throw new InvalidOperationException("the work failed"), ct);
        var last = InsertAsync(sqlite.Database, 3, null, ct);
        gate.SetResult();

        Assert.Equal(1, await first);
        Assert.Equal(1, await good);
        Assert.Equal(1, await last);
        await Assert.ThrowsAsync<SqliteException>(() => twoRowsThenFails);
        await Assert.ThrowsAsync<InvalidOperationException>(() => throws);
        await using var reader = await sqlite.Database.OpenAsync(ct);
        Assert.Equal(3L, await ScalarAsync(reader, "SELECT count(*) FROM t;", ct));
        Assert.Equal(0L, await ScalarAsync(reader, "SELECT count(*) FROM t WHERE id = 100;", ct)); // its first row undone too
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
