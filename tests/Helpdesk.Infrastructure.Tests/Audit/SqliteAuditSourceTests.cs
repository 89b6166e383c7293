using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Audit;

/// <summary>The audit-source contract against SQLite (a fresh file per test). Alterations are SQL run around the store
/// (the append-only trigger dropped first, as an intruder with file access would). SQLite reserves a number in the
/// ticket's own transaction and never leaves one behind, so the abandoned number is written here as the ledger's
/// tables record one (counter moved on, a row in <c>protocol_voids</c>).</summary>
public sealed class SqliteAuditSourceTests : AuditSourceContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();

    public SqliteAuditSourceTests()
    {
        Store = new SqliteTicketStore(_sqlite.Database, new NoOutboxSignal(), new NoTicketDeadlines());
        Source = new SqliteAuditSource(_sqlite.Database);
    }

    protected override ITicketStore Store { get; }

    protected override IAuditSource Source { get; }

    protected override Task AlterEventAsync(Ticket ticket, int sequence, string from, string to) =>
        ExecuteAsync("UPDATE ticket_events SET data = replace(data, $from, $to) WHERE seq = $seq AND ticket_id = (SELECT id FROM tickets WHERE protocol = $p)",
            ("$from", from), ("$to", to), ("$seq", sequence), ("$p", ticket.Protocol.ToString()));

    protected override Task CorruptEventAsync(Ticket ticket, int sequence) =>
        ExecuteAsync("UPDATE ticket_events SET data = '{\"type\": ' WHERE seq = $seq AND ticket_id = (SELECT id FROM tickets WHERE protocol = $p)",
            ("$seq", sequence), ("$p", ticket.Protocol.ToString()));

    protected override Task AbandonNumberAsync(int year) =>
        ExecuteAsync("""
            UPDATE protocol_counters SET last = last + 1 WHERE year = $year;
            INSERT INTO protocol_voids(protocol, year, reason, recorded_by, recorded_at)
            SELECT printf('%04d%07d', year, last), year, 'reserved by a writer that stopped before registering the ticket', 'test', '2026-12-10T12:00:00.0000000Z'
            FROM protocol_counters WHERE year = $year;
            """, ("$year", year));

    public void Dispose() => _sqlite.Dispose();

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await _sqlite.Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS ticket_events_no_update; " + sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(Ct);
    }
}
