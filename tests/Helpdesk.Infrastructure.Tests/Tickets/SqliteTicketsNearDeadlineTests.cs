using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The sweep's query contract on SQLite, which reads only the two partial indexes the store keeps in the same
/// transaction as the events (a fresh file per test).</summary>
public sealed class SqliteTicketsNearDeadlineTests : TicketsNearDeadlineContract, IDisposable
{
    private readonly TemporarySqlite _sqlite = new();
    private readonly SqliteTicketsNearDeadline _near;

    public SqliteTicketsNearDeadlineTests()
    {
        Store = new SqliteTicketStore(_sqlite.Database, new NoOutboxSignal(), Deadlines);
        _near = new SqliteTicketsNearDeadline(_sqlite.Database);
    }

    protected override ITicketStore Store { get; }

    protected override ITicketsNearDeadline Near => _near;

    [Fact]
    public async Task The_query_reads_the_sweep_indexes_and_never_scans_the_tickets_table()
    {
        var plan = await _near.ExplainAsync(Ct);

        Assert.Contains(plan, step => step.Contains("tickets_sweep_warn", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("tickets_sweep_escalate", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN tickets", StringComparison.Ordinal));
    }

    public void Dispose() => _sqlite.Dispose();
}
