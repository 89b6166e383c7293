using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The ticket store contract against the embedded SQLite store (a fresh file per test).</summary>
public sealed class SqliteTicketStoreTests : TicketStoreContract, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdesk-sqlite-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;

    public SqliteTicketStoreTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "helpdesk.db"));
        Store = new SqliteTicketStore(_database, new Support.NoOutboxSignal(), new NoTicketDeadlines());
    }

    protected override ITicketStore Store { get; }

    protected override int FreshYear() => 2026;

    protected override async Task<IReadOnlyList<OutboxMessage>> PendingOutboxAsync(TicketId id)
    {
        await using var connection = await _database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, queue, body, created_at FROM outbox WHERE ticket_id = $t AND delivered_at IS NULL";
        command.Parameters.AddWithValue("$t", id.ToString());
        var list = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            list.Add(new OutboxMessage(Guid.ParseExact(reader.GetString(0), "N"), reader.GetString(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    }

    [Theory]
    [InlineData("UPDATE ticket_events SET data = '{}' WHERE ticket_id = $id AND seq = 1")]
    [InlineData("INSERT INTO history_erasure_permits(ticket_id, seq) VALUES ($id, 1); UPDATE ticket_events SET hash = 'x' WHERE ticket_id = $id AND seq = 1")]
    [InlineData("INSERT INTO history_erasure_permits(ticket_id, seq) VALUES ($id, 1); UPDATE ticket_events SET at = '2020-01-01T00:00:00.0000000Z' WHERE ticket_id = $id AND seq = 1")]
    [InlineData("INSERT INTO history_erasure_permits(ticket_id, seq) VALUES ($id, 2); UPDATE ticket_events SET data = '{}' WHERE ticket_id = $id AND seq = 1")]
    public async Task The_history_refuses_updates_outside_an_erasure_permit_and_any_change_of_links(string sql)
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(FreshYear(), Draft(id), Ct);
        await using var connection = await _database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id.ToString());

        var error = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => command.ExecuteNonQueryAsync(Ct));
        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Support.SqliteFiles.Remove(_database, _folder);
}
