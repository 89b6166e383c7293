using System.Runtime.CompilerServices;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>
/// The finance read side on SQLite: the tickets received before the end of the period that changed during or after it,
/// or are still active (backlog), by protocol, each rehydrated from its append-only history.
/// </summary>
public sealed class SqliteTicketHistory(SqliteDatabase database) : ITicketHistory
{
    public async IAsyncEnumerable<Ticket> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT id FROM tickets
                WHERE received_at < $to AND (updated_at >= $from OR status IN ($new, $open, $pending))
                ORDER BY protocol
                """;
            command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
            command.Parameters.AddWithValue("$to", SqliteTime.Format(to));
            command.Parameters.AddWithValue("$new", nameof(TicketStatus.New));
            command.Parameters.AddWithValue("$open", nameof(TicketStatus.Open));
            command.Parameters.AddWithValue("$pending", nameof(TicketStatus.PendingOnRequester));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }
        }

        foreach (var id in ids)
        {
            if (await SqliteTicketStore.LoadAsync(connection, TicketId.Parse(id), cancellationToken).ConfigureAwait(false) is { } ticket)
            {
                yield return ticket;
            }
        }
    }
}
