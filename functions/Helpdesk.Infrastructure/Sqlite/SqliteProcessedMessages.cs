using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Sqlite;

public sealed class SqliteProcessedMessages(SqliteDatabase database) : IProcessedMessages
{
    public async Task<bool> WasProcessedAsync(string consumer, string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM processed_messages WHERE consumer = $c AND message_id = $m";
        command.Parameters.AddWithValue("$c", consumer);
        command.Parameters.AddWithValue("$m", messageId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }

    public Task MarkProcessedAsync(string consumer, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR IGNORE INTO processed_messages(consumer, message_id, processed_at) VALUES ($c, $m, $at)";
                command.Parameters.AddWithValue("$c", consumer);
                command.Parameters.AddWithValue("$m", messageId);
                command.Parameters.AddWithValue("$at", SqliteTime.Format(now));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
}
