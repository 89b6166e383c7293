using System.Text.Json;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The erasure of personal data in one transaction (docs/decisions/ADR-023). The history's triggers (schema 12)
/// let an entry's content and actor id change only while a permit for it exists, and never its position, instant, kind
/// or hashes: the permits are written, used and deleted inside this transaction.</summary>
public sealed partial class SqliteTicketStore : ITicketErasure
{
    public async Task SaveErasureAsync(TicketErasure erasure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(erasure);
        var ticket = erasure.Ticket;
        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await UpdateTicketRowAsync(connection, transaction, ticket, cancellationToken).ConfigureAwait(false);

                foreach (var e in erasure.Rewritten)
                {
                    await using var rewrite = connection.CreateCommand();
                    rewrite.Transaction = transaction;
                    rewrite.CommandText = """
                        INSERT INTO history_erasure_permits(ticket_id, seq) VALUES ($id, $seq);
                        UPDATE ticket_events SET data = $data, actor_id = $actor WHERE ticket_id = $id AND seq = $seq AND hash = $hash;
                        DELETE FROM history_erasure_permits WHERE ticket_id = $id AND seq = $seq;
                        """;
                    rewrite.Parameters.AddWithValue("$id", ticket.Id.ToString());
                    rewrite.Parameters.AddWithValue("$seq", e.Sequence);
                    rewrite.Parameters.AddWithValue("$hash", e.Hash);
                    rewrite.Parameters.AddWithValue("$actor", e.Actor.Id);
                    rewrite.Parameters.AddWithValue("$data", JsonSerializer.Serialize(e.Data, EventHasher.CanonicalJson));
                    if (await rewrite.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 3) // permit, entry, permit
                    {
                        throw new ConcurrencyConflictException($"Ticket {ticket.Protocol}: entry {e.Sequence} is not the one that was erased.");
                    }
                }

                // Mail already sent or given up keeps its body in the outbox row: empty it (the ticket's history holds
                // what was sent, now erased). Pending mail is left to be delivered.
                await using (var outbox = connection.CreateCommand())
                {
                    outbox.Transaction = transaction;
                    outbox.CommandText = "UPDATE outbox SET body = '{}', last_error = NULL WHERE ticket_id = $id AND (delivered_at IS NOT NULL OR dead_lettered_at IS NOT NULL)";
                    outbox.Parameters.AddWithValue("$id", ticket.Id.ToString());
                    await outbox.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await InsertPendingAsync(connection, transaction, ticket, [], [], cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        ticket.MarkCommitted();
    }
}
