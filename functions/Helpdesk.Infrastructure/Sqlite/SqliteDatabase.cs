using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>
/// The embedded store's SQLite file (WAL). Opens pooled connections, creates the schema once, and runs this process's
/// writes through one writer with <b>group commit</b> (issue 21): the writes waiting when the writer is free share one
/// transaction, each inside its own savepoint (a write that throws is undone alone), and one commit; each caller is
/// answered only after that commit. Commits are <c>synchronous=FULL</c>: an answered write is on disk, power cut or not,
/// and the fsync is paid once per group instead of once per request.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    /// <summary>The per-connection PRAGMAs; none is stored in the file.</summary>
    public const string ConnectionSettings = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    /// <summary>The most writes one commit carries (a bound on how long the first of them waits for its answer).</summary>
    public const int MaxGroup = 128;

    private static readonly object Configured = new();

    private readonly Channel<PendingWrite> _pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

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
        _writer = Task.Run(WriteLoopAsync);
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

    /// <summary>Runs <paramref name="work"/> inside an IMMEDIATE transaction (shared with the writes queued beside it,
    /// inside a savepoint of its own) and answers once that transaction is committed. If the work throws, its changes
    /// are undone and the exception is the answer; the other writes of the group are not affected.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var pending = new PendingWrite<T>(work, cancellationToken);
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(pending), this);
        return pending.Task;
    }

    /// <summary>How many groups were committed and how many writes they carried (for the benchmark and its report).</summary>
    public (long Commits, long Writes) GroupStatistics => (Interlocked.Read(ref _commits), Interlocked.Read(ref _committedWrites));

    private long _commits;
    private long _committedWrites;

    public void Dispose()
    {
        _pending.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(30));
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingWrite>(MaxGroup);
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < MaxGroup && _pending.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Fail(new OperationCanceledException(next.CancellationToken));
                }
                else
                {
                    group.Add(next);
                }
            }

            if (group.Count > 0)
            {
                await CommitGroupAsync(group).ConfigureAwait(false);
            }
        }
    }

    private async Task CommitGroupAsync(List<PendingWrite> group)
    {
        var succeeded = new List<PendingWrite>(group.Count);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                var write = group[i];
                var savepoint = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await transaction.SaveAsync(savepoint).ConfigureAwait(false);
                try
                {
                    await write.RunAsync(connection, transaction).ConfigureAwait(false);
                    await transaction.ReleaseAsync(savepoint).ConfigureAwait(false);
                    succeeded.Add(write);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // Undo this write alone (a constraint error aborts only its statement; the transaction lives on).
                    await transaction.RollbackAsync(savepoint).ConfigureAwait(false);
                    await transaction.ReleaseAsync(savepoint).ConfigureAwait(false);
                    write.Fail(ex);
                }
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _committedWrites, succeeded.Count);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The transaction itself failed (disk, I/O): nothing of the group is stored, and every write not yet
            // answered gets the error.
            foreach (var write in group)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in succeeded)
        {
            write.Complete();
        }
    }

    /// <summary>A write waiting for the writer: its work, then its answer, given only after its group is committed.</summary>
    private abstract class PendingWrite(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) : PendingWrite(cancellationToken)
    {
        private readonly TaskCompletionSource<T> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _answer.Task;

        public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
            _result = await work(connection, transaction).ConfigureAwait(false);

        public override void Complete() => _answer.TrySetResult(_result);

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && CancellationToken.IsCancellationRequested)
            {
                _answer.TrySetCanceled(CancellationToken);
            }
            else
            {
                _answer.TrySetException(exception);
            }
        }
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }
}
