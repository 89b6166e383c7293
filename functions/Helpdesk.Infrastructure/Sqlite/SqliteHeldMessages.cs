using Helpdesk.Application.Ports;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>Held messages in the table <c>held_messages</c>: the first hold and the first decision win.</summary>
public sealed class SqliteHeldMessages(SqliteDatabase database) : IHeldMessages
{
    private const string Columns = "id, message_id, sender, subject, text, received_at, reason, suggested_requester, decision, decided_by, decided_at, decision_protocol, decision_requester, decision_reason";

    public Task<(HeldMessage Message, bool Held)> HoldAsync(HeldMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                int inserted;
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT OR IGNORE INTO held_messages(id, message_id, sender, subject, text, received_at, reason, suggested_requester)
                        VALUES ($id, $mid, $from, $subject, $text, $at, $reason, $suggested)
                        """;
                    insert.Parameters.AddWithValue("$id", message.Id);
                    insert.Parameters.AddWithValue("$mid", message.MessageId);
                    insert.Parameters.AddWithValue("$from", (object?)message.From ?? DBNull.Value);
                    insert.Parameters.AddWithValue("$subject", message.Subject);
                    insert.Parameters.AddWithValue("$text", message.Text);
                    insert.Parameters.AddWithValue("$at", SqliteTime.Format(message.ReceivedAt));
                    insert.Parameters.AddWithValue("$reason", message.Reason);
                    insert.Parameters.AddWithValue("$suggested", (object?)message.SuggestedRequester ?? DBNull.Value);
                    inserted = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var stored = await QueryAsync(connection, transaction, "id = $id", message.Id, cancellationToken).ConfigureAwait(false);
                return (stored[0], inserted == 1);
            },
            cancellationToken);
    }

    public async Task<HeldMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var found = await QueryAsync(connection, null, "id = $id", id, cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<HeldMessage>> ListUndecidedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryAsync(connection, null, "decision IS NULL", null, cancellationToken).ConfigureAwait(false);
    }

    public Task<HeldMessage?> DecideAsync(string id, HeldDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var update = connection.CreateCommand())
                {
                    update.Transaction = transaction;
                    update.CommandText = """
                        UPDATE held_messages SET decision = $d, decided_by = $by, decided_at = $at, decision_protocol = $p,
                            decision_requester = $r, decision_reason = $why
                        WHERE id = $id AND decision IS NULL
                        """;
                    update.Parameters.AddWithValue("$d", decision.Action);
                    update.Parameters.AddWithValue("$by", decision.By);
                    update.Parameters.AddWithValue("$at", SqliteTime.Format(decision.At));
                    update.Parameters.AddWithValue("$p", (object?)decision.Protocol ?? DBNull.Value);
                    update.Parameters.AddWithValue("$r", (object?)decision.Requester ?? DBNull.Value);
                    update.Parameters.AddWithValue("$why", (object?)decision.Reason ?? DBNull.Value);
                    update.Parameters.AddWithValue("$id", id);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var stored = await QueryAsync(connection, transaction, "id = $id", id, cancellationToken).ConfigureAwait(false);
                return stored.Count == 0 ? null : stored[0];
            },
            cancellationToken);
    }

    public async Task<int> CountHeldAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM held_messages WHERE received_at >= $from AND received_at < $to";
        command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        command.Parameters.AddWithValue("$to", SqliteTime.Format(to));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<HeldMessage>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string where, string? id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM held_messages WHERE {where} ORDER BY received_at, id";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        var list = new List<HeldMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new HeldMessage(
                reader.GetString(0),
                reader.GetString(1),
                Optional(reader, 2),
                reader.GetString(3),
                reader.GetString(4),
                SqliteTime.Parse(reader.GetString(5)),
                reader.GetString(6),
                Optional(reader, 7),
                reader.IsDBNull(8)
                    ? null
                    : new HeldDecision(reader.GetString(8), reader.GetString(9), SqliteTime.Parse(reader.GetString(10)), Optional(reader, 11), Optional(reader, 12), Optional(reader, 13))));
        }

        return list;
    }

    private static string? Optional(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
