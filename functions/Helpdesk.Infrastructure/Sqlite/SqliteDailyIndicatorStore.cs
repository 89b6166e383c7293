using System.Globalization;
using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The dashboard's daily figures in the table <c>daily_indicators</c>: one row per day and indicator.</summary>
public sealed class SqliteDailyIndicatorStore(SqliteDatabase database) : IDailyIndicatorStore
{
    public Task SaveAsync(DateOnly day, IReadOnlyList<DailyIndicator> figures, DateTimeOffset computedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                await using (var delete = connection.CreateCommand())
                {
                    delete.Transaction = transaction;
                    delete.CommandText = "DELETE FROM daily_indicators WHERE day = $day";
                    delete.Parameters.AddWithValue("$day", Day(day));
                    await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var f in figures)
                {
                    await using var insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = """
                        INSERT INTO daily_indicators(day, indicator, name, numerator, denominator, value, target, met, computed_at)
                        VALUES ($day, $indicator, $name, $numerator, $denominator, $value, $target, $met, $at)
                        """;
                    insert.Parameters.AddWithValue("$day", Day(day));
                    insert.Parameters.AddWithValue("$indicator", f.IndicatorId);
                    insert.Parameters.AddWithValue("$name", f.Name);
                    insert.Parameters.AddWithValue("$numerator", Number(f.Numerator));
                    insert.Parameters.AddWithValue("$denominator", Number(f.Denominator));
                    insert.Parameters.AddWithValue("$value", f.Value is { } v ? Number(v) : DBNull.Value);
                    insert.Parameters.AddWithValue("$target", f.Target is { } t ? Number(t) : DBNull.Value);
                    insert.Parameters.AddWithValue("$met", f.Met is { } m ? (m ? 1 : 0) : DBNull.Value);
                    insert.Parameters.AddWithValue("$at", SqliteTime.Format(computedAt));
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return figures.Count;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<DailyIndicator>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT day, indicator, name, numerator, denominator, value, target, met FROM daily_indicators
            WHERE day >= $from AND day <= $to ORDER BY day, indicator
            """;
        command.Parameters.AddWithValue("$from", Day(from));
        command.Parameters.AddWithValue("$to", Day(to));
        var figures = new List<DailyIndicator>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            figures.Add(new DailyIndicator(
                DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.GetString(2),
                decimal.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                decimal.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                reader.IsDBNull(5) ? null : decimal.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
                reader.IsDBNull(6) ? null : decimal.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
                reader.IsDBNull(7) ? null : reader.GetInt64(7) == 1));
        }

        return figures;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
