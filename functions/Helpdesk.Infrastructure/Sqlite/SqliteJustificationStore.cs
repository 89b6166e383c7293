using System.Globalization;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Penalties;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>Justifications and decisions in the table <c>justifications</c>: first submission and first decision win.</summary>
public sealed class SqliteJustificationStore(SqliteDatabase database) : IJustificationStore
{
    private const string Columns = "contract, month, indicator, submitted_on, text, submitted_by, decision, decided_on, decided_by";

    public async Task<IReadOnlyList<Justification>> ListAsync(string contract, string month, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await QueryAsync(connection, null, contract, month, null, cancellationToken).ConfigureAwait(false);
    }

    public Task<Justification> SubmitAsync(Justification justification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(justification);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var insert = connection.CreateCommand())
                {
                    insert.Transaction = transaction;
                    insert.CommandText = "INSERT OR IGNORE INTO justifications(contract, month, indicator, submitted_on, text, submitted_by) VALUES ($c, $m, $i, $on, $text, $by)";
                    insert.Parameters.AddWithValue("$c", justification.Contract);
                    insert.Parameters.AddWithValue("$m", justification.Month);
                    insert.Parameters.AddWithValue("$i", justification.Indicator);
                    insert.Parameters.AddWithValue("$on", Day(justification.SubmittedOn));
                    insert.Parameters.AddWithValue("$text", justification.Text);
                    insert.Parameters.AddWithValue("$by", justification.SubmittedBy);
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return (await QueryAsync(connection, transaction, justification.Contract, justification.Month, justification.Indicator, cancellationToken).ConfigureAwait(false))[0];
            },
            cancellationToken);
    }

    public Task<Justification?> DecideAsync(string contract, string month, string indicator, JustificationDecision decision, DateOnly on, string by, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var update = connection.CreateCommand())
                {
                    update.Transaction = transaction;
                    update.CommandText = "UPDATE justifications SET decision = $d, decided_on = $on, decided_by = $by WHERE contract = $c AND month = $m AND indicator = $i AND decision IS NULL";
                    update.Parameters.AddWithValue("$d", decision.ToString());
                    update.Parameters.AddWithValue("$on", Day(on));
                    update.Parameters.AddWithValue("$by", by);
                    update.Parameters.AddWithValue("$c", contract);
                    update.Parameters.AddWithValue("$m", month);
                    update.Parameters.AddWithValue("$i", indicator);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var stored = await QueryAsync(connection, transaction, contract, month, indicator, cancellationToken).ConfigureAwait(false);
                return stored.Count == 0 ? null : stored[0];
            },
            cancellationToken);

    private static async Task<IReadOnlyList<Justification>> QueryAsync(SqliteConnection connection, SqliteTransaction? transaction, string contract, string month, string? indicator, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM justifications WHERE contract = $c AND month = $m AND ($i IS NULL OR indicator = $i) ORDER BY indicator";
        command.Parameters.AddWithValue("$c", contract);
        command.Parameters.AddWithValue("$m", month);
        command.Parameters.AddWithValue("$i", (object?)indicator ?? DBNull.Value);
        var list = new List<Justification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new Justification(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                ParseDay(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : Enum.Parse<JustificationDecision>(reader.GetString(6)),
                reader.IsDBNull(7) ? null : ParseDay(reader.GetString(7)),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return list;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
