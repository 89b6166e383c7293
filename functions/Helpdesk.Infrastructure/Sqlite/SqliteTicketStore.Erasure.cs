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
                await using (var update = connection.CreateCommand())
                {
                    update.Transaction = transaction;
                    update.CommandText = """
                        UPDATE tickets SET status = $status, subject = $subject, requester_email = $email, updated_at = $updated, version = $version, head_hash = $head,
                            level = $level, group_code = $group, assignee = $assignee, category = $category, priority = $priority,
                            institution = $institution, requester_name = $name, search_text = $search, search_text_agents = $searchAgents, search_text_masked = $searchMasked,
                            at_risk_at = $atRisk, due_at = $due, sweep_warn_at = $sweepWarn, sweep_escalate_at = $sweepEscalate, uf = $uf
                        WHERE id = $id AND version = $expected
                        """;
                    update.Parameters.AddWithValue("$subject", ticket.Subject);
                    update.Parameters.AddWithValue("$email", ticket.RequesterEmail.Value);
                    update.Parameters.AddWithValue("$updated", SqliteTime.Format(ticket.History[^1].At));
                    update.Parameters.AddWithValue("$version", ticket.History.Count);
                    update.Parameters.AddWithValue("$head", ticket.HeadHash);
                    update.Parameters.AddWithValue("$id", ticket.Id.ToString());
                    update.Parameters.AddWithValue("$expected", ticket.CommittedVersion);
                    AddReadModel(update, ticket);
                    if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                    {
                        throw new ConcurrencyConflictException($"Ticket {ticket.Protocol} changed since it was read (expected version {ticket.CommittedVersion}).");
                    }
                }

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
                    await rewrite.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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
