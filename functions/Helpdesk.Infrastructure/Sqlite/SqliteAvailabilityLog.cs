using System.Globalization;
using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>One row per minute in which the service answered its availability probe.</summary>
public sealed class SqliteAvailabilityLog(SqliteDatabase database) : IAvailabilityLog
{
    public Task RecordHeartbeatAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "INSERT OR IGNORE INTO heartbeats(minute, at) VALUES ($minute, $at)";
                command.Parameters.AddWithValue("$minute", Minute(at));
                command.Parameters.AddWithValue("$at", SqliteTime.Format(at));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    public async Task<int> CountHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM heartbeats WHERE minute >= $from AND minute < $to";
        command.Parameters.AddWithValue("$from", Minute(fromInclusive));
        command.Parameters.AddWithValue("$to", Minute(toExclusive));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ListHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT minute FROM heartbeats WHERE minute >= $from AND minute < $to ORDER BY minute";
        command.Parameters.AddWithValue("$from", Minute(fromInclusive));
        command.Parameters.AddWithValue("$to", Minute(toExclusive));
        var minutes = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            minutes.Add(DateTimeOffset.ParseExact(reader.GetString(0), "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
        }

        return minutes;
    }

    private static string Minute(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
