using Helpdesk.Application.Tickets;
using System.Globalization;
using System.Text;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>Agents' ticket lists from the read-model columns of <c>tickets</c>, newest protocol first, with keyset
/// pagination (the page token is the last protocol served).</summary>
public sealed class SqliteTicketQueries(SqliteDatabase database) : ITicketQueries
{
    private static readonly string[] ActiveStatuses = [nameof(TicketStatus.New), nameof(TicketStatus.Open), nameof(TicketStatus.PendingOnRequester)];

    public async Task<TicketPage> ListAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var after = PageTokens.Read(query.PageToken);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder("""
            SELECT id, protocol, status, subject, requester_email, requester_name, institution, channel, level, group_code, assignee,
                   category, priority, registered_at, updated_at, at_risk_at, due_at, version, uf
            FROM tickets WHERE 1 = 1
            """);

        if (query.Statuses is { Count: > 0 } statuses)
        {
            sql.Append(" AND status IN (").Append(string.Join(", ", statuses.Select((s, i) => Add(command, "$s" + i, s.ToString())))).Append(')');
        }

        Equal(sql, command, "level", query.Level);
        Equal(sql, command, "group_code", query.Group);
        Equal(sql, command, "assignee", query.Assignee);
        Equal(sql, command, "category", query.Category);
        Equal(sql, command, "priority", query.Priority);
        Equal(sql, command, "institution", query.Institution);
        Equal(sql, command, "uf", query.Uf);
        Equal(sql, command, "channel", query.Channel?.ToString());
        if (query.RequesterEmail is { } requester)
        {
            sql.Append(" AND requester_email = ").Append(Add(command, "$requester", requester)).Append(" COLLATE NOCASE");
        }

        if (query.UpdatedBefore is { } updatedBefore)
        {
            sql.Append(" AND updated_at < ").Append(Add(command, "$updatedBefore", SqliteTime.Format(updatedBefore)));
        }

        if (query.Unassigned)
        {
            sql.Append(" AND assignee IS NULL");
        }

        if (query.Breach is { } breach)
        {
            var now = Add(command, "$now", SqliteTime.Format(query.Now));
            sql.Append(" AND status IN (").Append(string.Join(", ", ActiveStatuses.Select((s, i) => Add(command, "$a" + i, s)))).Append(") AND due_at IS NOT NULL");
            sql.Append(breach switch
            {
                BreachState.Breached => $" AND due_at <= {now}",
                BreachState.AtRisk => $" AND due_at > {now} AND at_risk_at IS NOT NULL AND at_risk_at <= {now}",
                _ => $" AND due_at > {now} AND (at_risk_at IS NULL OR at_risk_at > {now})",
            });
        }

        var terms = TextFolding.Terms(query.Text);
        for (var i = 0; i < terms.Count && i < 10; i++)
        {
            sql.Append(" AND ").Append(SearchColumn(query.View)).Append(" LIKE ").Append(Add(command, "$t" + i, "%" + EscapeLike(terms[i]) + "%")).Append(" ESCAPE '\\'");
        }

        if (after is not null)
        {
            sql.Append(" AND protocol < ").Append(Add(command, "$after", after));
        }

        sql.Append(" ORDER BY protocol DESC LIMIT ").Append(Add(command, "$limit", query.PageSize + 1));
        command.CommandText = sql.ToString();

        var items = new List<TicketSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new TicketSummary(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<TicketStatus>(reader.GetString(2)),
                reader.GetString(3),
                reader.GetString(4),
                NullableString(reader, 5),
                NullableString(reader, 6),
                Enum.Parse<Channel>(reader.GetString(7)),
                reader.GetInt32(8),
                NullableString(reader, 9),
                NullableString(reader, 10),
                NullableString(reader, 11),
                NullableString(reader, 12),
                SqliteTime.Parse(reader.GetString(13)),
                SqliteTime.Parse(reader.GetString(14)),
                reader.IsDBNull(15) ? null : SqliteTime.Parse(reader.GetString(15)),
                reader.IsDBNull(16) ? null : SqliteTime.Parse(reader.GetString(16)),
                reader.GetInt32(17),
                NullableString(reader, 18)));
        }

        string? next = null;
        if (items.Count > query.PageSize)
        {
            items.RemoveAt(items.Count - 1);
            next = PageTokens.Write(items[^1].Protocol);
        }

        return new TicketPage(items, next);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Equal(StringBuilder sql, SqliteCommand command, string column, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(column).Append(" = ").Append(Add(command, "$" + column, value));
        }
    }

    private static string Add(SqliteCommand command, string name, object value)
    {
        command.Parameters.AddWithValue(name, value);
        return name;
    }

    /// <summary>The column holding the ticket's text as <paramref name="view"/> shows it (schema version 12).</summary>
    private static string SearchColumn(PersonalDataView view) => view switch
    {
        PersonalDataView.Full => "search_text",
        PersonalDataView.TaxIdsMasked => "search_text_agents",
        _ => "search_text_masked",
    };

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
