using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The behaviour every <see cref="IAgentRoster"/> adapter must have (SQLite, Cosmos DB): members and their
/// availability per group, the last assignment, and the active tickets each member holds counted from the tickets
/// written through the adapter's own store, over every protocol year.</summary>
public abstract class AgentRosterContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly Actor Supervisor = Actor.Agent("sup");

    protected abstract ITicketStore Store { get; }

    protected abstract IAgentRoster Roster { get; }

    protected static TicketClocks Deadlines { get; } = new(DefaultContract.Definition);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Ticket> AssignedAsync(string assignee, int year)
    {
        var created = await Store.CreateAsync(year, p => new TicketDraft(
            Ticket.Register(new TicketId(Guid.NewGuid()), p, new NewTicket("Assunto", "Texto", EmailAddress.Parse("ana@ifrs.edu.br"), null, Channel.Api, Now), Now), [], []), Ct);
        var ticket = (await Store.GetAsync(created.Ticket.Id, Ct))!;
        Assert.True(ticket.Assign(assignee, null, Supervisor, Now.AddMinutes(1)));
        await Store.SaveAsync(ticket, [], [], Ct);
        return ticket;
    }

    [Fact]
    public async Task Members_are_added_changed_and_removed_per_group()
    {
        await Roster.SetAvailabilityAsync("network", "bruno", true, 2, Now, Ct);
        await Roster.SetAvailabilityAsync("network", "ana", true, 2, Now, Ct);
        await Roster.SetAvailabilityAsync("desk", "ana", true, 1, Now, Ct);
        await Roster.RecordAssignmentAsync("network", "ana", Now.AddMinutes(5), Ct);
        await Roster.SetAvailabilityAsync("network", "ana", false, null, Now.AddMinutes(10), Ct); // keeps the level

        var network = await Roster.MembersAsync("network", Ct);
        Assert.Equal(["ana", "bruno"], network.Select(m => m.AgentId));
        Assert.Equal(new GroupMember("network", "ana", false, 0, Now.AddMinutes(5), Now.AddMinutes(10), 2), network[0]);
        Assert.Equal(new GroupMember("network", "bruno", true, 0, null, Now, 2), network[1]);
        Assert.Equal(1, Assert.Single(await Roster.MembersAsync("desk", Ct)).WorkLevel);

        Assert.True(await Roster.RemoveAsync("network", "ana", Ct));
        Assert.False(await Roster.RemoveAsync("network", "ana", Ct));
        Assert.False(await Roster.RemoveAsync("network", "carla", Ct));
        Assert.Equal(["bruno"], (await Roster.MembersAsync("network", Ct)).Select(m => m.AgentId));
        Assert.Equal(["ana"], (await Roster.MembersAsync("desk", Ct)).Select(m => m.AgentId));
        Assert.Empty(await Roster.MembersAsync("unknown", Ct));
    }

    [Fact]
    public async Task Recording_an_assignment_of_a_non_member_adds_nobody()
    {
        await Roster.RecordAssignmentAsync("network", "carla", Now, Ct);
        await Roster.RecordAssignmentAsync("network", "carla", Now, Ct);

        Assert.Empty(await Roster.MembersAsync("network", Ct));
    }

    [Fact]
    public async Task Active_tickets_are_counted_per_member_over_every_year_and_closed_ones_are_not()
    {
        await Roster.SetAvailabilityAsync("network", "ana", true, 2, Now, Ct);
        await Roster.SetAvailabilityAsync("network", "bruno", true, 2, Now, Ct);
        await AssignedAsync("ana", 2025);
        await AssignedAsync("ana", 2026);
        var cancelled = await AssignedAsync("ana", 2026);
        await AssignedAsync("carla", 2026);
        Assert.True(cancelled.Cancel("Duplicado", Supervisor, Now.AddMinutes(2)));
        await Store.SaveAsync(cancelled, [], [], Ct);

        var members = await Roster.MembersAsync("network", Ct);

        Assert.Equal([("ana", 2), ("bruno", 0)], members.Select(m => (m.AgentId, m.ActiveTickets)));
    }
}
