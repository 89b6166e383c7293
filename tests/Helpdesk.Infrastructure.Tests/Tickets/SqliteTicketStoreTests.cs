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
        Store = new SqliteTicketStore(_database, new NoSignal(), new NoTicketDeadlines());
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

    public void Dispose()
    {
        _database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal sealed class NoSignal : IOutboxSignal
    {
        public void Notify()
        {
        }
    }
}
