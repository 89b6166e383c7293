using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The deadline sweep's query on the two partial indexes of the sweep instants: a ticket with nothing left to
/// alert has neither, so it is never read.</summary>
public sealed class SqliteTicketsNearDeadline(SqliteDatabase database) : ITicketsNearDeadline
{
    private const string Query = """
            SELECT id, MIN(at) AS first FROM (
                SELECT id, sweep_warn_at AS at FROM tickets WHERE sweep_warn_at IS NOT NULL AND sweep_warn_at <= $now
                UNION ALL
                SELECT id, sweep_escalate_at AS at FROM tickets WHERE sweep_escalate_at IS NOT NULL AND sweep_escalate_at <= $horizon)
            GROUP BY id ORDER BY first LIMIT $max
            """;

    public async Task<IReadOnlyList<TicketId>> ListDueAsync(DateTimeOffset now, DateTimeOffset escalationHorizon, int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        command.Parameters.AddWithValue("$now", SqliteTime.Format(now));
        command.Parameters.AddWithValue("$horizon", SqliteTime.Format(escalationHorizon));
        command.Parameters.AddWithValue("$max", max);
        var ids = new List<TicketId>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(TicketId.Parse(reader.GetString(0)));
        }

        return ids;
    }

    /// <summary>SQLite's plan for the query (tests check it reads the indexes, never scans the tickets table).</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + Query;
        command.Parameters.AddWithValue("$now", "2026");
        command.Parameters.AddWithValue("$horizon", "2026");
        command.Parameters.AddWithValue("$max", 10);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
