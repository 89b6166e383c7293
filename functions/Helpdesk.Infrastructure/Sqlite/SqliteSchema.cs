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

    /// <summary>Version 2: the tickets' read model for agents' lists (maintained in the same transaction as the events),
    /// the service catalogue, the domain → institution table and the knowledge base.</summary>
    private const string Version2 = """
        ALTER TABLE tickets ADD COLUMN level INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE tickets ADD COLUMN group_code TEXT;
        ALTER TABLE tickets ADD COLUMN assignee TEXT;
        ALTER TABLE tickets ADD COLUMN category TEXT;
        ALTER TABLE tickets ADD COLUMN priority TEXT;
        ALTER TABLE tickets ADD COLUMN institution TEXT;
        ALTER TABLE tickets ADD COLUMN requester_name TEXT;
        ALTER TABLE tickets ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
        ALTER TABLE tickets ADD COLUMN at_risk_at TEXT;
        ALTER TABLE tickets ADD COLUMN due_at TEXT;
        UPDATE tickets SET search_text = lower(protocol || ' ' || subject || ' ' || requester_email);
        CREATE INDEX IF NOT EXISTS tickets_level_status ON tickets(level, status, protocol);
        CREATE INDEX IF NOT EXISTS tickets_assignee ON tickets(assignee, status, protocol);
        CREATE INDEX IF NOT EXISTS tickets_group ON tickets(group_code, status, protocol);
        CREATE INDEX IF NOT EXISTS tickets_category ON tickets(category, protocol);
        CREATE INDEX IF NOT EXISTS tickets_institution ON tickets(institution, protocol);
        CREATE INDEX IF NOT EXISTS tickets_due ON tickets(due_at) WHERE due_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS catalogue (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            document TEXT NOT NULL,
            version INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS institution_domains (
            domain TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            changed_at TEXT NOT NULL
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO institution_domains(domain, name, changed_by, changed_at) VALUES
            ('ifrs.edu.br', 'Instituto Federal do Rio Grande do Sul (IFRS)', 'system', '2026-01-01T00:00:00.0000000Z'),
            ('ifsp.edu.br', 'Instituto Federal de São Paulo (IFSP)', 'system', '2026-01-01T00:00:00.0000000Z'),
            ('ifsc.edu.br', 'Instituto Federal de Santa Catarina (IFSC)', 'system', '2026-01-01T00:00:00.0000000Z'),
            ('ufmg.br', 'Universidade Federal de Minas Gerais (UFMG)', 'system', '2026-01-01T00:00:00.0000000Z');
        CREATE TABLE IF NOT EXISTS kb_articles (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            tags TEXT NOT NULL,
            category TEXT,
            use_count INTEGER NOT NULL DEFAULT 0,
            source_protocol TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            search_text TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS kb_articles_use ON kb_articles(use_count DESC);
        """;

    /// <summary>Version 3: when the deadline sweep must next look at each ticket (indexed, so that a sweep reads only
    /// the tickets near their deadline; rows written before it get their instants at their next change), and the
    /// support groups' roster with each member's availability (the fair assignment of escalations).</summary>
    private const string Version3 = """
        ALTER TABLE tickets ADD COLUMN sweep_warn_at TEXT;
        ALTER TABLE tickets ADD COLUMN sweep_escalate_at TEXT;
        CREATE INDEX IF NOT EXISTS tickets_sweep_warn ON tickets(sweep_warn_at) WHERE sweep_warn_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS tickets_sweep_escalate ON tickets(sweep_escalate_at) WHERE sweep_escalate_at IS NOT NULL;
        CREATE TABLE IF NOT EXISTS group_members (
            group_code TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            available INTEGER NOT NULL,
            last_assigned_at TEXT,
            changed_at TEXT NOT NULL,
            PRIMARY KEY (group_code, agent_id)
        ) WITHOUT ROWID;
        """;

    /// <summary>Version 4: documented void protocol numbers (ADR-003: reserved, never a ticket, never reused), read by
    /// the protocol-continuity report. Nothing writes them yet (no flow reserves numbers ahead of a ticket).</summary>
    private const string Version4 = """
        CREATE TABLE IF NOT EXISTS protocol_voids (
            protocol TEXT PRIMARY KEY,
            year INTEGER NOT NULL,
            reason TEXT NOT NULL,
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS protocol_voids_year ON protocol_voids(year, protocol);
        """;

    /// <summary>Version 5: the dashboard's daily indicator figures (DailyIndicators timer) and the justifications of missed indicators.</summary>
    private const string Version5 = """
        CREATE TABLE IF NOT EXISTS daily_indicators (
            day TEXT NOT NULL,
            indicator TEXT NOT NULL,
            name TEXT NOT NULL,
            numerator TEXT NOT NULL,
            denominator TEXT NOT NULL,
            value TEXT,
            target TEXT,
            met INTEGER,
            computed_at TEXT NOT NULL,
            PRIMARY KEY (day, indicator)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS tickets_received ON tickets(received_at);
        CREATE TABLE IF NOT EXISTS justifications (
            contract TEXT NOT NULL,
            month TEXT NOT NULL,
            indicator TEXT NOT NULL,
            submitted_on TEXT NOT NULL,
            text TEXT NOT NULL,
            submitted_by TEXT NOT NULL,
            decision TEXT,
            decided_on TEXT,
            decided_by TEXT,
            PRIMARY KEY (contract, month, indicator)
        ) WITHOUT ROWID;
        """;

    /// <summary>Version 8: the requester's UF. Each institution of the domain table has its state (the built-in rows get
    /// theirs), and the tickets' read model has the ticket's UF for the lists' filter (rows written before it get their
    /// UF at their next change; their history never had one).</summary>
    private const string Version8 = """
        ALTER TABLE institution_domains ADD COLUMN uf TEXT;
        UPDATE institution_domains SET uf = 'RS' WHERE domain = 'ifrs.edu.br' AND uf IS NULL;
        UPDATE institution_domains SET uf = 'SP' WHERE domain = 'ifsp.edu.br' AND uf IS NULL;
        UPDATE institution_domains SET uf = 'SC' WHERE domain = 'ifsc.edu.br' AND uf IS NULL;
        UPDATE institution_domains SET uf = 'MG' WHERE domain = 'ufmg.br' AND uf IS NULL;
        ALTER TABLE tickets ADD COLUMN uf TEXT;
        CREATE INDEX IF NOT EXISTS tickets_uf ON tickets(uf, protocol);
        """;

    /// <summary>Version 9: the typed closed months of the monthly closing (<c>SqliteClosedMonthStore</c>); months closed
    /// before it get their row from their published summary when first read.</summary>
    private const string Version9 = """
        CREATE TABLE IF NOT EXISTS closed_months (
            contract TEXT NOT NULL,
            month TEXT NOT NULL,
            summary_version INTEGER NOT NULL,
            closed_on TEXT NOT NULL,
            outcome TEXT NOT NULL,
            settled TEXT,
            final INTEGER NOT NULL,
            PRIMARY KEY (contract, month)
        ) WITHOUT ROWID;
        """;

    /// <summary>Version 10: messages held for a supervisor (issue 18), one row per message id; the first decision stands.</summary>
    private const string Version10 = """
        CREATE TABLE IF NOT EXISTS held_messages (
            id TEXT PRIMARY KEY,
            message_id TEXT NOT NULL,
            sender TEXT,
            subject TEXT NOT NULL,
            text TEXT NOT NULL,
            received_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            suggested_requester TEXT,
            decision TEXT,
            decided_by TEXT,
            decided_at TEXT,
            decision_protocol TEXT,
            decision_requester TEXT,
            decision_reason TEXT
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS held_messages_received ON held_messages(received_at);
        """;

    /// <summary>Version 11 (issue 17): the highest ticket level each roster member may work, recorded at enrolment, so
    /// that routing never assigns an escalation to a level-1 agent (null: enrolled before; counts as able).</summary>
    private const string Version11 = """
        ALTER TABLE group_members ADD COLUMN work_level INTEGER;
        """;

    /// <summary>Version 12 (issue 19, LGPD): the list's search text as each masked view shows the ticket (rows written
    /// before it are found by their protocol until their next change), and erasure permits: an entry of the history may
    /// have its content and actor id rewritten only while a permit for it exists in the same transaction (the
    /// anonymization of a data subject, docs/decisions/ADR-023), never its position, instant, kind or hashes.</summary>
    private const string Version12 = """
        ALTER TABLE tickets ADD COLUMN search_text_agents TEXT NOT NULL DEFAULT '';
        ALTER TABLE tickets ADD COLUMN search_text_masked TEXT NOT NULL DEFAULT '';
        UPDATE tickets SET search_text_agents = lower(protocol), search_text_masked = lower(protocol);
        CREATE TABLE IF NOT EXISTS history_erasure_permits (
            ticket_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (ticket_id, seq)
        ) WITHOUT ROWID;
        DROP TRIGGER IF EXISTS ticket_events_no_update;
        CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
            WHEN NOT EXISTS (SELECT 1 FROM history_erasure_permits p WHERE p.ticket_id = OLD.ticket_id AND p.seq = OLD.seq)
                OR NEW.ticket_id IS NOT OLD.ticket_id OR NEW.seq IS NOT OLD.seq OR NEW.at IS NOT OLD.at
                OR NEW.actor_kind IS NOT OLD.actor_kind OR NEW.type IS NOT OLD.type
                OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash
            BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
        """;

    public static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version < 1)
        {
            Migrate(connection, Version1, 1);
        }

        if (version < 2)
        {
            Migrate(connection, Version2, 2);
        }

        if (version < 3)
        {
            Migrate(connection, Version3, 3);
        }

        if (version < 4)
        {
            Migrate(connection, Version4, 4);
        }

        if (version < 5)
        {
            Migrate(connection, Version5, 5);
        }

        if (version < 8)
        {
            Migrate(connection, Version8, 8);
        }

        if (version < 9)
        {
            Migrate(connection, Version9, 9);
        }

        if (version < 10)
        {
            Migrate(connection, Version10, 10);
        }

        if (version < 11)
        {
            Migrate(connection, Version11, 11);
        }

        if (version < 12)
        {
            Migrate(connection, Version12, 12);
        }
    }

    private static void Migrate(SqliteConnection connection, string script, int version)
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = script + $"\nPRAGMA user_version = {version};";
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
