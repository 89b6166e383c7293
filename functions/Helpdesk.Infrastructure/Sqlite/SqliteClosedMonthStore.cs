using System.Globalization;
using System.Text.Json;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The typed closed months in the table <c>closed_months</c>, one row per contract and month; the outcomes are
/// the summary's <c>outcome</c> JSON objects (<see cref="MonthOutcomeJson"/>). A save never replaces the row of a later
/// summary version (one guarded upsert).</summary>
public sealed class SqliteClosedMonthStore(SqliteDatabase database) : IClosedMonthStore
{
    public async Task<ClosedMonth?> GetAsync(string contract, AssessmentMonth month, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAsync(connection, null, contract, month, cancellationToken).ConfigureAwait(false);
    }

    public Task<ClosedMonth> SaveAsync(ClosedMonth closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var upsert = connection.CreateCommand())
                {
                    upsert.Transaction = transaction;
                    upsert.CommandText = """
                        INSERT INTO closed_months(contract, month, summary_version, closed_on, outcome, settled, final)
                        VALUES ($c, $m, $v, $on, $outcome, $settled, $final)
                        ON CONFLICT(contract, month) DO UPDATE SET summary_version = excluded.summary_version, closed_on = excluded.closed_on,
                            outcome = excluded.outcome, settled = excluded.settled, final = excluded.final
                        WHERE excluded.summary_version >= closed_months.summary_version
                        """;
                    upsert.Parameters.AddWithValue("$c", closed.Contract);
                    upsert.Parameters.AddWithValue("$m", closed.Month.ToString());
                    upsert.Parameters.AddWithValue("$v", closed.SummaryVersion);
                    upsert.Parameters.AddWithValue("$on", closed.ClosedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    upsert.Parameters.AddWithValue("$outcome", MonthOutcomeJson.ToJson(closed.Outcome, deferred: true));
                    upsert.Parameters.AddWithValue("$settled", closed.Settled is { } settled ? MonthOutcomeJson.ToJson(settled, deferred: true) : DBNull.Value);
                    upsert.Parameters.AddWithValue("$final", closed.Final ? 1 : 0);
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return await ReadAsync(connection, transaction, closed.Contract, closed.Month, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The closed month {closed.Month} was written but cannot be read.");
            },
            cancellationToken);
    }

    private static async Task<ClosedMonth?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string contract, AssessmentMonth month, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT summary_version, closed_on, outcome, settled, final FROM closed_months WHERE contract = $c AND month = $m";
        command.Parameters.AddWithValue("$c", contract);
        command.Parameters.AddWithValue("$m", month.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new ClosedMonth(
            contract,
            month,
            reader.GetInt32(0),
            DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Outcome(reader.GetString(2)),
            reader.IsDBNull(3) ? null : Outcome(reader.GetString(3)),
            reader.GetInt64(4) != 0);
    }

    private static Domain.Penalties.MonthOutcome Outcome(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MonthOutcomeJson.Read(document.RootElement, "closed_months.outcome");
    }
}
