using System.Globalization;
using System.Text.Json;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The embedded ticket store: events, thread index, outbox and the agents' read model (the columns lists filter
/// on) of one change in one SQLite transaction.</summary>
public sealed partial class SqliteTicketStore(SqliteDatabase database, IOutboxSignal signal, ITicketDeadlines deadlines) : ITicketStore
{
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    public async Task<CreateOutcome> CreateAsync(int year, Func<ProtocolNumber, TicketDraft> build, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        CreateOutcome outcome;
        try
        {
            outcome = await database.WriteAsync(
                async (connection, transaction) =>
                {
                    // The draft is built once, with the next number. A redelivery is recognised by the draft's message ids
                    // and undone with its savepoint (counter included), so that it consumes no number and writes nothing.
                    // (Issue 21: this work runs on the single writer, so building a provisional draft first cost every
                    // ticket a second build to save a rare redelivery one.)
                    var counter = await NextCounterAsync(connection, transaction, year, cancellationToken).ConfigureAwait(false);
                    var draft = build(ProtocolNumber.Create(year, counter));
                    var existing = await FindByMessageIdsAsync(connection, transaction, draft.MessageIds, cancellationToken).ConfigureAwait(false);
                    if (existing is not null)
                    {
                        throw new Redelivered(existing);
                    }

                    await InsertTicketRowAsync(connection, transaction, draft.Ticket, cancellationToken).ConfigureAwait(false);
                    await InsertPendingAsync(connection, transaction, draft.Ticket, draft.MessageIds, draft.Outbox, cancellationToken).ConfigureAwait(false);
                    return new CreateOutcome(new TicketRef(draft.Ticket.Id, draft.Ticket.Protocol), Created: true);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Redelivered redelivered)
        {
            return new CreateOutcome(redelivered.Existing, Created: false);
        }

        signal.Notify();
        return outcome;
    }

    /// <summary>Thrown inside a create's write to undo it (its savepoint) when its message was already registered.</summary>
    private sealed class Redelivered(TicketRef existing) : Exception("The message is already registered.")
    {
        public TicketRef Existing { get; } = existing;
    }

    public async Task SaveAsync(Ticket ticket, IReadOnlyList<string> newMessageIds, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        if (ticket.PendingEvents.Count == 0)
        {
            return;
        }

        await database.WriteAsync(
            async (connection, transaction) =>
            {
                await UpdateTicketRowAsync(connection, transaction, ticket, cancellationToken).ConfigureAwait(false);

                try
                {
                    await InsertPendingAsync(connection, transaction, ticket, newMessageIds, outbox, cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey)
                {
                    throw new ConcurrencyConflictException($"Ticket {ticket.Protocol}: a message id or event was stored concurrently.");
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
        ticket.MarkCommitted();
        if (outbox.Count > 0)
        {
            signal.Notify();
        }
    }

    public async Task<Ticket?> GetAsync(TicketId id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await LoadAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Ticket?> FindByProtocolAsync(ProtocolNumber protocol, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM tickets WHERE protocol = $p";
        command.Parameters.AddWithValue("$p", protocol.ToString());
        var id = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return id is null ? null : await LoadAsync(connection, TicketId.Parse(id), cancellationToken).ConfigureAwait(false);
    }

    public async Task<TicketRef?> FindByMessageIdsAsync(IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await FindByMessageIdsAsync(connection, null, messageIds, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<TicketRef?> FindByMessageIdsAsync(SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        foreach (var messageId in messageIds)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT t.id, t.protocol FROM message_ids m JOIN tickets t ON t.id = m.ticket_id WHERE m.message_id = $m";
            command.Parameters.AddWithValue("$m", messageId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _ = ProtocolNumber.TryParse(reader.GetString(1), out var protocol);
                return new TicketRef(TicketId.Parse(reader.GetString(0)), protocol);
            }
        }

        return null;
    }

    internal static async Task<Ticket?> LoadAsync(SqliteConnection connection, TicketId id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteEventRows.Columns} FROM ticket_events WHERE ticket_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", id.ToString());
        var events = new List<TicketEvent>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add(SqliteEventRows.TryRead(reader, 0) ?? throw new InvalidOperationException("An event whose data cannot be read was found in the store."));
            }
        }

        return events.Count == 0 ? null : Ticket.Rehydrate(id, events);
    }

    private static async Task<int> NextCounterAsync(SqliteConnection connection, SqliteTransaction transaction, int year, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO protocol_counters(year, last) VALUES ($year, 1)
            ON CONFLICT(year) DO UPDATE SET last = last + 1
            RETURNING last
            """;
        command.Parameters.AddWithValue("$year", year);
        var last = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return last;
    }

    /// <summary>Rewrites the ticket's row (its list fields, version and head) if the stored version is still the one the
    /// ticket was read at; otherwise <see cref="ConcurrencyConflictException"/>. The requester's address changes only
    /// through an erasure of personal data.</summary>
    private async Task UpdateTicketRowAsync(SqliteConnection connection, SqliteTransaction transaction, Ticket ticket, CancellationToken cancellationToken)
    {
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = """
            UPDATE tickets SET status = $status, subject = $subject, requester_email = $email, updated_at = $updated, version = $version, head_hash = $head,
                level = $level, group_code = $group, assignee = $assignee, category = $category, priority = $priority,
                institution = $institution, requester_name = $name, search_text = $search, search_text_agents = $searchAgents, search_text_masked = $searchMasked, at_risk_at = $atRisk, due_at = $due,
                sweep_warn_at = $sweepWarn, sweep_escalate_at = $sweepEscalate, uf = $uf
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

    private async Task InsertTicketRowAsync(SqliteConnection connection, SqliteTransaction transaction, Ticket ticket, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO tickets(id, protocol, status, subject, requester_email, channel, received_at, registered_at, updated_at, version, head_hash,
                level, group_code, assignee, category, priority, institution, requester_name, search_text, search_text_agents, search_text_masked, at_risk_at, due_at, sweep_warn_at, sweep_escalate_at, uf)
            VALUES ($id, $protocol, $status, $subject, $email, $channel, $received, $registered, $registered, $version, $head,
                $level, $group, $assignee, $category, $priority, $institution, $name, $search, $searchAgents, $searchMasked, $atRisk, $due, $sweepWarn, $sweepEscalate, $uf)
            """;
        command.Parameters.AddWithValue("$id", ticket.Id.ToString());
        command.Parameters.AddWithValue("$protocol", ticket.Protocol.ToString());
        command.Parameters.AddWithValue("$subject", ticket.Subject);
        command.Parameters.AddWithValue("$email", ticket.RequesterEmail.Value);
        command.Parameters.AddWithValue("$channel", ticket.Channel.ToString());
        command.Parameters.AddWithValue("$received", SqliteTime.Format(ticket.ReceivedAt));
        command.Parameters.AddWithValue("$registered", SqliteTime.Format(ticket.RegisteredAt));
        command.Parameters.AddWithValue("$version", ticket.History.Count);
        command.Parameters.AddWithValue("$head", ticket.HeadHash);
        AddReadModel(command, ticket);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The columns agents' lists filter on, derived from the ticket (status included).</summary>
    private void AddReadModel(SqliteCommand command, Ticket ticket)
    {
        var deadline = deadlines.For(ticket);
        command.Parameters.AddWithValue("$status", ticket.Status.ToString());
        command.Parameters.AddWithValue("$level", ticket.Level);
        command.Parameters.AddWithValue("$group", (object?)ticket.Group ?? DBNull.Value);
        command.Parameters.AddWithValue("$assignee", (object?)ticket.Assignee ?? DBNull.Value);
        command.Parameters.AddWithValue("$category", (object?)ticket.Category ?? DBNull.Value);
        command.Parameters.AddWithValue("$priority", (object?)ticket.Priority ?? DBNull.Value);
        command.Parameters.AddWithValue("$institution", (object?)ticket.Institution ?? DBNull.Value);
        command.Parameters.AddWithValue("$name", (object?)ticket.RequesterName ?? DBNull.Value);
        command.Parameters.AddWithValue("$uf", (object?)ticket.Uf?.Code ?? DBNull.Value);
        command.Parameters.AddWithValue("$search", TicketSearchText.For(ticket));
        command.Parameters.AddWithValue("$searchAgents", TicketSearchText.For(ticket, PersonalDataView.TaxIdsMasked));
        command.Parameters.AddWithValue("$searchMasked", TicketSearchText.For(ticket, PersonalDataView.Masked));
        command.Parameters.AddWithValue("$atRisk", deadline.AtRiskAt is { } atRisk ? SqliteTime.Format(atRisk) : DBNull.Value);
        command.Parameters.AddWithValue("$due", deadline.DueAt is { } due ? SqliteTime.Format(due) : DBNull.Value);
        var sweep = SweepSchedule.Next(ticket, deadline);
        command.Parameters.AddWithValue("$sweepWarn", sweep.WarnAt is { } warn ? SqliteTime.Format(warn) : DBNull.Value);
        command.Parameters.AddWithValue("$sweepEscalate", sweep.EscalateAt is { } escalate ? SqliteTime.Format(escalate) : DBNull.Value);
    }

    private static async Task InsertPendingAsync(SqliteConnection connection, SqliteTransaction transaction, Ticket ticket, IReadOnlyList<string> messageIds, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        var id = ticket.Id.ToString();
        foreach (var e in ticket.PendingEvents)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO ticket_events(ticket_id, seq, at, actor_kind, actor_id, type, data, prev_hash, hash)
                VALUES ($id, $seq, $at, $kind, $actor, $type, $data, $prev, $hash)
                """;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$seq", e.Sequence);
            command.Parameters.AddWithValue("$at", SqliteTime.Format(e.At));
            command.Parameters.AddWithValue("$kind", e.Actor.Kind);
            command.Parameters.AddWithValue("$actor", e.Actor.Id);
            command.Parameters.AddWithValue("$type", e.Data.Kind);
            command.Parameters.AddWithValue("$data", JsonSerializer.Serialize(e.Data, EventHasher.CanonicalJson));
            command.Parameters.AddWithValue("$prev", e.PreviousHash);
            command.Parameters.AddWithValue("$hash", e.Hash);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var messageId in messageIds)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO message_ids(message_id, ticket_id) VALUES ($m, $id)";
            command.Parameters.AddWithValue("$m", messageId);
            command.Parameters.AddWithValue("$id", id);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var message in outbox)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO outbox(id, ticket_id, queue, body, created_at, next_attempt_at)
                VALUES ($id, $ticket, $queue, $body, $created, $created)
                """;
            command.Parameters.AddWithValue("$id", message.Id.ToString("N"));
            command.Parameters.AddWithValue("$ticket", id);
            command.Parameters.AddWithValue("$queue", message.Queue);
            command.Parameters.AddWithValue("$body", message.Body);
            command.Parameters.AddWithValue("$created", SqliteTime.Format(message.CreatedAt));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
