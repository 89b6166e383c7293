using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The support groups' roster in SQLite; a member's workload is counted from the tickets' read model (active
/// tickets they hold, served by the <c>tickets_assignee</c> index).</summary>
public sealed class SqliteAgentRoster(SqliteDatabase database) : IAgentRoster
{
    private static readonly string ActiveStatuses = string.Join(", ", new[] { TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester }.Select(s => $"'{s}'"));

    public async Task<IReadOnlyList<GroupMember>> MembersAsync(string group, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT m.agent_id, m.available, m.last_assigned_at, m.changed_at,
                (SELECT COUNT(*) FROM tickets t WHERE t.assignee = m.agent_id AND t.status IN ({ActiveStatuses})), m.work_level
            FROM group_members m WHERE m.group_code = $group ORDER BY m.agent_id
            """;
        command.Parameters.AddWithValue("$group", group);
        var members = new List<GroupMember>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            members.Add(new GroupMember(
                group,
                reader.GetString(0),
                reader.GetInt64(1) != 0,
                reader.GetInt32(4),
                reader.IsDBNull(2) ? null : SqliteTime.Parse(reader.GetString(2)),
                SqliteTime.Parse(reader.GetString(3)),
                reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }

        return members;
    }

    public Task SetAvailabilityAsync(string group, string agentId, bool available, int? workLevel, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO group_members(group_code, agent_id, available, changed_at, work_level) VALUES ($group, $agent, $available, $now, $level)
            ON CONFLICT(group_code, agent_id) DO UPDATE SET available = excluded.available, changed_at = excluded.changed_at,
                work_level = COALESCE(excluded.work_level, group_members.work_level)
            """,
            group,
            agentId,
            cancellationToken,
            ("$available", available ? 1 : 0),
            ("$now", SqliteTime.Format(now)),
            ("$level", workLevel is { } level ? level : DBNull.Value));

    public async Task<bool> RemoveAsync(string group, string agentId, CancellationToken cancellationToken) =>
        await ExecuteAsync("DELETE FROM group_members WHERE group_code = $group AND agent_id = $agent", group, agentId, cancellationToken).ConfigureAwait(false) == 1;

    public Task RecordAssignmentAsync(string group, string agentId, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE group_members SET last_assigned_at = $now WHERE group_code = $group AND agent_id = $agent",
            group,
            agentId,
            cancellationToken,
            ("$now", SqliteTime.Format(now)));

    private Task<int> ExecuteAsync(string sql, string group, string agentId, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        database.WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = sql;
                command.Parameters.AddWithValue("$group", group);
                command.Parameters.AddWithValue("$agent", agentId);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
}
