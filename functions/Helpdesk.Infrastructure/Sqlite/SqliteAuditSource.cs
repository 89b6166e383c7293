using System.Globalization;
using System.Runtime.CompilerServices;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Audit;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The auditors' reads on the embedded store: one forward-only query over tickets × events in protocol order,
/// grouped as it streams (one ticket in memory at a time), and the protocol ledger (counter, tickets, voids).</summary>
public sealed class SqliteAuditSource(SqliteDatabase database) : IAuditSource
{
    public async IAsyncEnumerable<StoredHistory> HistoriesAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.id, t.protocol, t.head_hash, e.seq, e.at, e.actor_kind, e.actor_id, e.data, e.prev_hash, e.hash -- SqliteEventRows.Columns from offset 3
            FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id
            WHERE t.registered_at >= $from AND t.registered_at < $to
            ORDER BY t.protocol, e.seq
            """;
        command.Parameters.AddWithValue("$from", SqliteTime.Format(from));
        command.Parameters.AddWithValue("$to", SqliteTime.Format(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        Pending? current = null;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetString(0);
            if (current is not null && !string.Equals(current.Id, id, StringComparison.Ordinal))
            {
                yield return current.ToHistory();
                current = null;
            }

            current ??= new Pending(id, reader.GetString(1), reader.GetString(2));
            if (current.Unreadable is not null)
            {
                continue;
            }

            if (SqliteEventRows.TryRead(reader, 3) is { } e)
            {
                current.Events.Add(e);
            }
            else
            {
                current.Unreadable = (reader.GetInt32(3), "the stored event cannot be read (its data was altered)");
            }
        }

        if (current is not null)
        {
            yield return current.ToHistory();
        }
    }

    public async Task<ProtocolLedger> ProtocolLedgerAsync(int year, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var last = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT last FROM protocol_counters WHERE year = $year";
            command.Parameters.AddWithValue("$year", year);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value and not DBNull)
            {
                last = Convert.ToInt32(value, CultureInfo.InvariantCulture);
            }
        }

        var prefix = year.ToString("D4", CultureInfo.InvariantCulture);
        var counters = new List<int>();
        await using (var command = connection.CreateCommand())
        {
            // Protocols are fixed-width digits, so a text range selects one year through the UNIQUE index.
            command.CommandText = "SELECT protocol FROM tickets WHERE protocol >= $low AND protocol <= $high";
            command.Parameters.AddWithValue("$low", prefix + "0000000");
            command.Parameters.AddWithValue("$high", prefix + "9999999");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ProtocolNumber.TryParse(reader.GetString(0), out var protocol))
                {
                    counters.Add(protocol.Counter);
                }
            }
        }

        var voids = new List<ProtocolVoid>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT protocol, reason, recorded_at FROM protocol_voids WHERE year = $year ORDER BY protocol";
            command.Parameters.AddWithValue("$year", year);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                voids.Add(new ProtocolVoid(reader.GetString(0), reader.GetString(1), SqliteTime.Parse(reader.GetString(2))));
            }
        }

        return new ProtocolLedger(year, last, counters, voids);
    }

    private sealed class Pending(string id, string protocol, string headHash)
    {
        public string Id { get; } = id;

        public List<TicketEvent> Events { get; } = [];

        public (int Sequence, string Problem)? Unreadable { get; set; }

        public StoredHistory ToHistory() => new(TicketId.Parse(Id), protocol, headHash, Events, Unreadable);
    }
}
