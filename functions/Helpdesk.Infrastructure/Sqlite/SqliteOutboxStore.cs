using Helpdesk.Application.Ports;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The dispatch side of the SQLite outbox: leases due messages, records deliveries, retries and dead letters.</summary>
public sealed class SqliteOutboxStore(SqliteDatabase database, IOutboxSignal signal) : IOutboxStore, IOutboxWriter
{
    public async Task EnqueueAsync(Helpdesk.Application.Outbox.OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO outbox(id, ticket_id, queue, body, created_at, next_attempt_at)
                    VALUES ($id, NULL, $queue, $body, $created, $created)
                    ON CONFLICT(id) DO NOTHING
                    """;
                command.Parameters.AddWithValue("$id", message.Id.ToString("N"));
                command.Parameters.AddWithValue("$queue", message.Queue);
                command.Parameters.AddWithValue("$body", message.Body);
                command.Parameters.AddWithValue("$created", SqliteTime.Format(message.CreatedAt));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        signal.Notify();
    }

    public Task<IReadOnlyList<PendingDelivery>> TakeDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<PendingDelivery>>(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $leaseUntil
                    WHERE id IN (
                        SELECT id FROM outbox
                        WHERE delivered_at IS NULL AND dead_lettered_at IS NULL AND next_attempt_at <= $now
                        ORDER BY next_attempt_at LIMIT $max)
                    RETURNING id, queue, body, created_at, attempts
                    """;
                command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
                command.Parameters.AddWithValue("$leaseUntil", SqliteTime.Format(now + lease));
                command.Parameters.AddWithValue("$max", max);
                var taken = new List<PendingDelivery>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    taken.Add(new PendingDelivery(
                        Guid.ParseExact(reader.GetString(0), "N"),
                        reader.GetString(1),
                        reader.GetString(2),
                        SqliteTime.Parse(reader.GetString(3)),
                        reader.GetInt32(4)));
                }

                return taken;
            },
            cancellationToken);

    public Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE outbox SET delivered_at = $now, last_error = NULL WHERE id = $id";
                command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
                var id = command.Parameters.Add("$id", SqliteType.Text);
                var updated = 0;
                foreach (var each in ids)
                {
                    id.Value = each.ToString("N");
                    updated += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return updated;
            },
            cancellationToken);
    }

    public Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE outbox SET next_attempt_at = $next, last_error = $error WHERE id = $id AND delivered_at IS NULL", id, cancellationToken, ("$next", SqliteTime.Format(nextAttemptAt)), ("$error", error));

    public Task DeadLetterAsync(Guid id, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE outbox SET dead_lettered_at = $now, last_error = $reason WHERE id = $id AND delivered_at IS NULL", id, cancellationToken, ("$now", SqliteTime.Format(now)), ("$reason", reason));

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, queue, body, created_at, attempts, dead_lettered_at, last_error FROM outbox WHERE dead_lettered_at IS NOT NULL ORDER BY dead_lettered_at";
        var list = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new DeadLetter(
                Guid.ParseExact(reader.GetString(0), "N"),
                reader.GetString(1),
                reader.GetString(2),
                SqliteTime.Parse(reader.GetString(3)),
                reader.GetInt32(4),
                SqliteTime.Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? string.Empty : reader.GetString(6)));
        }

        return list;
    }

    public async Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "UPDATE outbox SET dead_lettered_at = NULL, attempts = 0, next_attempt_at = $now WHERE id = $id AND dead_lettered_at IS NOT NULL";
                command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
                command.Parameters.AddWithValue("$id", id.ToString("N"));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    private Task ExecuteAsync(string sql, Guid id, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$id", id.ToString("N"));
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
}
