using System.Text.Json;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>Reads one <c>ticket_events</c> row (columns <see cref="Columns"/>, in that order, from <c>offset</c>).</summary>
internal static class SqliteEventRows
{
    public const string Columns = "seq, at, actor_kind, actor_id, data, prev_hash, hash";

    /// <summary>The event, or null when its stored data cannot be decoded (altered outside the app).</summary>
    public static TicketEvent? TryRead(SqliteDataReader reader, int offset)
    {
        TicketEventData? data;
        try
        {
            data = JsonSerializer.Deserialize<TicketEventData>(reader.GetString(offset + 4), EventHasher.CanonicalJson);
        }
        catch (JsonException)
        {
            data = null;
        }

        return data is null
            ? null
            : new TicketEvent(
                reader.GetInt32(offset),
                SqliteTime.Parse(reader.GetString(offset + 1)),
                new Actor(reader.GetString(offset + 2), reader.GetString(offset + 3)),
                data,
                reader.GetString(offset + 5),
                reader.GetString(offset + 6));
    }
}
