using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>
/// The embedded store's SQLite file (WAL). Opens pooled connections, creates the schema once, and serialises this
/// process's write transactions (SQLite has one writer; waiting on a semaphore beats spinning on SQLITE_BUSY).
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>The per-connection PRAGMAs; none is stored in the file.</summary>
    public const string ConnectionSettings = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    private static readonly object Configured = new();

    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>The physical connections (SQLite handles) already given <see cref="ConnectionSettings"/>; an entry goes with its handle.</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();

    public SqliteDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        SqliteSchema.Apply(connection);
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// A pooled connection with the per-connection settings (<c>synchronous</c>, <c>foreign_keys</c>, <c>busy_timeout</c>).
    /// They live as long as the physical connection, which the pool reuses, so they are set once per physical
    /// connection, not on every open. (<c>journal_mode=WAL</c> is stored in the file and set once, above.)
    /// </summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var handle = connection.Handle!;
        if (!_configured.TryGetValue(handle, out _))
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = ConnectionSettings;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // A handle is used by one connection at a time, so there is no race on its entry.
            _configured.AddOrUpdate(handle, Configured);
        }

        return connection;
    }

    /// <summary>Runs <paramref name="work"/> inside one IMMEDIATE transaction: it commits if the work returns,
    /// and rolls everything back if it throws
    /// (or if the work rolled the transaction back itself).</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            if (transaction.Connection is not null)
            {
                // The work may have rolled back on purpose (e.g. a duplicate found inside the transaction).
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public void Dispose() => _writeGate.Dispose();

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
