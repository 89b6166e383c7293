using Microsoft.Data.Sqlite;

namespace Helpdesk.Infrastructure.Sqlite;

/// <summary>The embedded store's schema. Ticket history is append-only: triggers refuse UPDATE and DELETE.</summary>
internal static class SqliteSchema
{
    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS protocol_counters (
            year INTEGER PRIMARY KEY,
            last INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS tickets (
            id TEXT PRIMARY KEY,
            protocol TEXT NOT NULL UNIQUE,
            status TEXT NOT NULL,
            subject TEXT NOT NULL,
            requester_email TEXT NOT NULL,
            channel TEXT NOT NULL,
            received_at TEXT NOT NULL,
            registered_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL,
            head_hash TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS tickets_status ON tickets(status, registered_at);
        CREATE TABLE IF NOT EXISTS ticket_events (
            ticket_id TEXT NOT NULL REFERENCES tickets(id),
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            actor_kind TEXT NOT NULL,
            actor_id TEXT NOT NULL,
            type TEXT NOT NULL,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (ticket_id, seq)
        ) WITHOUT ROWID;
        CREATE TRIGGER IF NOT EXISTS ticket_events_no_update BEFORE UPDATE ON ticket_events
            BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS ticket_events_no_delete BEFORE DELETE ON ticket_events
            BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
        CREATE TABLE IF NOT EXISTS message_ids (
            message_id TEXT PRIMARY KEY,
            ticket_id TEXT NOT NULL REFERENCES tickets(id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS outbox (
            id TEXT PRIMARY KEY,
            ticket_id TEXT,
            queue TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            delivered_at TEXT,
            dead_lettered_at TEXT,
            last_error TEXT
        );
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox(next_attempt_at) WHERE delivered_at IS NULL AND dead_lettered_at IS NULL;
        CREATE TABLE IF NOT EXISTS processed_messages (
            consumer TEXT NOT NULL,
            message_id TEXT NOT NULL,
            processed_at TEXT NOT NULL,
            PRIMARY KEY (consumer, message_id)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS heartbeats (
            minute TEXT PRIMARY KEY,
            at TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    public static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version >= 1)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        command.Transaction = transaction;
        command.CommandText = Version1 + "\nPRAGMA user_version = 1;";
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
