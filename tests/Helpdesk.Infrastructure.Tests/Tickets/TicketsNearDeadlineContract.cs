using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>
/// The behaviour every <see cref="ITicketsNearDeadline"/> adapter must have (SQLite, Cosmos DB): only tickets with an
/// alert due are listed, from the sweep instants the store writes beside each ticket, the most urgent first across
/// protocol years (built-in contract: incident × high due 8 business hours after receipt, information × normal in
/// 5 business days; received Tue 24 Nov 2026 09:00 São Paulo). Tickets are written through the adapter's own store.
/// </summary>
public abstract class TicketsNearDeadlineContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-3));
    private static readonly Actor Agent = Actor.Agent("ana");

    protected abstract ITicketStore Store { get; }

    protected abstract ITicketsNearDeadline Near { get; }

    protected static TicketClocks Deadlines { get; } = new(DefaultContract.Definition);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Ticket> OpenAsync(string category, string priority, int year = 2026, DateTimeOffset? receivedAt = null)
    {
        var at = receivedAt ?? T0;
        var created = await Store.CreateAsync(year, p => new TicketDraft(
            Ticket.Register(new TicketId(Guid.NewGuid()), p, new NewTicket("Assunto", "Texto", EmailAddress.Parse("ana@ifrs.edu.br"), null, Channel.Api, at), at), [], []), Ct);
        var ticket = (await Store.GetAsync(created.Ticket.Id, Ct))!;
        ticket.Classify(category, priority, Agent, at.AddMinutes(1));
        await Store.SaveAsync(ticket, [], [], Ct);
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
        Assert.Empty(await Near.ListDueAsync(T0.AddHours(1), T0.AddHours(1), 100, Ct));
        Assert.Equal([near.Id], await Near.ListDueAsync(afternoon, afternoon, 100, Ct));

        near.AlertDeadline(DeadlineStage.AtRisk, Deadlines.For(near).DueAt!.Value, Agent, afternoon);
        await Store.SaveAsync(near, [], [], Ct);

        Assert.Empty(await Near.ListDueAsync(afternoon, afternoon, 100, Ct));
        // The level-1 deadline is still watched against the escalation horizon.
        Assert.Equal([near.Id], await Near.ListDueAsync(afternoon, afternoon.AddHours(2), 100, Ct));
    }

    [Fact]
    public async Task Tickets_of_every_protocol_year_are_merged_most_urgent_first_and_at_most_max_are_listed()
    {
        // The more urgent ticket carries the older protocol year, so that reading the newest year first is not enough.
        var older = await OpenAsync("incident", "high", year: 2025, receivedAt: T0);
        var newer = await OpenAsync("incident", "high", year: 2026, receivedAt: T0.AddHours(1));
        await OpenAsync("information", "normal", year: 2025);

        var nextDay = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(-3));
        Assert.Equal([older.Id, newer.Id], await Near.ListDueAsync(nextDay, nextDay, 10, Ct));
        Assert.Equal([older.Id], await Near.ListDueAsync(nextDay, nextDay, 1, Ct));
    }
}
