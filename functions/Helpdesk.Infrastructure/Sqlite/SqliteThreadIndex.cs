using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The embedded thread index: the <c>message_ids</c> table the ticket store fills.</summary>
public sealed class SqliteThreadIndex(SqliteDatabase database) : IThreadIndex
{
    public Task AddMessageIdAsync(TicketRef ticket, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR IGNORE INTO message_ids(message_id, ticket_id) VALUES ($m, $t)";
                command.Parameters.AddWithValue("$m", messageId);
                command.Parameters.AddWithValue("$t", ticket.Id.ToString());
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
