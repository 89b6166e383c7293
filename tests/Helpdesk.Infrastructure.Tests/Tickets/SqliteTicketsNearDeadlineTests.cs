using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Tests.Support;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>
/// The sweep's query reads only tickets with an alert due, from the two partial indexes the store keeps in the same
/// transaction as the events (built-in contract: incident × high due 8 business hours after receipt, information ×
/// normal in 5 business days; received Tue 24 Nov 2026 09:00 São Paulo).
/// </summary>
public sealed class SqliteTicketsNearDeadlineTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-3));
    private static readonly Actor Agent = Actor.Agent("ana");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "helpdesk-sqlite-tests", Guid.NewGuid().ToString("N"));
    private readonly SqliteDatabase _database;
    private readonly SqliteTicketStore _store;
    private readonly SqliteTicketsNearDeadline _near;

    public SqliteTicketsNearDeadlineTests()
    {
        _database = new SqliteDatabase(Path.Combine(_folder, "helpdesk.db"));
        _store = new SqliteTicketStore(_database, new NoOutboxSignal(), new TicketClocks(DefaultContract.Definition));
        _near = new SqliteTicketsNearDeadline(_database);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Ticket> OpenAsync(string category, string priority)
    {
        var created = await _store.CreateAsync(2026, p => new TicketDraft(
            Ticket.Register(new TicketId(Guid.NewGuid()), p, new NewTicket("Assunto", "Texto", EmailAddress.Parse("ana@ifrs.edu.br"), null, Channel.Api, T0), T0), [], []), Ct);
        var ticket = (await _store.GetAsync(created.Ticket.Id, Ct))!;
        ticket.Classify(category, priority, Agent, T0.AddMinutes(1));
        await _store.SaveAsync(ticket, [], [], Ct);
        return ticket;
    }

    [Fact]
    public async Task Only_tickets_with_an_alert_due_are_listed_and_an_alerted_ticket_drops_out()
    {
        var near = await OpenAsync("incident", "high");
        for (var i = 0; i < 30; i++)
        {
            await OpenAsync("information", "normal");
        }

        var afternoon = new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.FromHours(-3));
        Assert.Empty(await _near.ListDueAsync(T0.AddHours(1), T0.AddHours(1), 100, Ct));
        Assert.Equal([near.Id], await _near.ListDueAsync(afternoon, afternoon, 100, Ct));

        near.AlertDeadline(DeadlineStage.AtRisk, new TicketClocks(DefaultContract.Definition).For(near).DueAt!.Value, Agent, afternoon);
        await _store.SaveAsync(near, [], [], Ct);

        Assert.Empty(await _near.ListDueAsync(afternoon, afternoon, 100, Ct));
        // The level-1 deadline is still watched against the escalation horizon.
        Assert.Equal([near.Id], await _near.ListDueAsync(afternoon, afternoon.AddHours(2), 100, Ct));
    }

    [Fact]
    public async Task The_query_reads_the_sweep_indexes_and_never_scans_the_tickets_table()
    {
        var plan = await _near.ExplainAsync(Ct);

        Assert.Contains(plan, step => step.Contains("tickets_sweep_warn", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("tickets_sweep_escalate", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN tickets", StringComparison.Ordinal));
    }

    public void Dispose() => Support.SqliteFiles.Remove(_database, _folder);
}
