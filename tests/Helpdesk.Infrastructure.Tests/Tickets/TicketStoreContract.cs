using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;
using PersonalDataRewrite = Helpdesk.Domain.Tickets.History.PersonalDataRewrite;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The behaviour every <see cref="ITicketStore"/> adapter must have (SQLite, Cosmos DB).</summary>
public abstract class TicketStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    protected abstract ITicketStore Store { get; }

    /// <summary>The outbox messages the store holds for a ticket, not yet delivered (the outbox table in SQLite, the
    /// ticket item's outbox entries that the change feed forwards in Cosmos DB).</summary>
    protected abstract Task<IReadOnlyList<OutboxMessage>> PendingOutboxAsync(TicketId id);

    /// <summary>A year no other test of the same store uses, so that protocol counters start at 1.</summary>
    protected abstract int FreshYear();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static string NewMessageId() => Guid.NewGuid().ToString("N") + "@ifsp.edu.br";

    protected static Func<ProtocolNumber, TicketDraft> Draft(TicketId id, string? messageId = null, OutboxMessage? outbox = null) => protocol =>
    {
        var ticket = Ticket.Register(id, protocol, new NewTicket("Sem acesso", "O sistema mostra erro 500.", EmailAddress.Parse("maria.silva@ifsp.edu.br"), "Maria", Channel.Email, Now) { MessageId = messageId }, Now);
        return new TicketDraft(ticket, messageId is null ? [] : [messageId], outbox is null ? [] : [outbox]);
    };

    protected static OutboxMessage Outbox(string body = "{\"hello\":1}") => new(Guid.NewGuid(), Queues.OutboundMail, body, Now);

    /// <summary>Both adapters serve the erasure port with the ticket store itself (one atomic write).</summary>
    protected ITicketErasure Erasure => (ITicketErasure)Store;

    protected static readonly PersonalDataRewrite Erase = new(
        _ => "[removido a pedido do titular em 24/11/2026]",
        text => text.Replace("Maria", "[removido]", StringComparison.Ordinal),
        _ => "titular-abc@anonimizado.invalid",
        _ => null);

    [Fact]
    public async Task An_erasure_rewrites_the_entries_in_place_and_the_history_still_verifies()
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(FreshYear(), Draft(id, NewMessageId()), Ct);
        var stored = (await Store.GetAsync(id, Ct))!;
        stored.Assign("ana", null, Actor.Agent("ana"), Now.AddMinutes(1));
        await Store.SaveAsync(stored, [], [], Ct);
        var before = (await Store.GetAsync(id, Ct))!;

        var erasure = Ticket.Erase(before, Erase, Domain.Tickets.Events.PersonalDataErased.DataSubjectRequest, "pedido de Maria", Actor.Agent("dpo"), Now.AddDays(1))!;
        await Erasure.SaveErasureAsync(erasure, Ct);
        var after = (await Store.GetAsync(id, Ct))!;

        Assert.True(HistoryVerification.Verify(after.History, after.HeadHash).IsValid);
        Assert.Equal(before.History.Select(e => e.Hash), after.History.Take(before.History.Count).Select(e => e.Hash));
        Assert.Equal(before.History.Count + 1, after.CommittedVersion);
        Assert.Equal("titular-abc@anonimizado.invalid", after.RequesterEmail.Value);
        Assert.Equal("[removido a pedido do titular em 24/11/2026]", after.Messages[0].Text);
        Assert.Equal("requester:titular-abc@anonimizado.invalid", after.History[0].Actor.ToString());
        Assert.Equal("pedido de [removido]", ((Domain.Tickets.Events.PersonalDataErased)after.History[^1].Data).Reason);
        Assert.Equal((before.Status, before.Assignee, before.RegisteredAt), (after.Status, after.Assignee, after.RegisteredAt));
    }

    [Fact]
    public async Task An_erasure_of_a_ticket_that_changed_meanwhile_is_refused_and_writes_nothing()
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(FreshYear(), Draft(id), Ct);
        var read = (await Store.GetAsync(id, Ct))!;
        var concurrent = (await Store.GetAsync(id, Ct))!;
        concurrent.Assign("ana", null, Actor.Agent("ana"), Now.AddMinutes(1));
        await Store.SaveAsync(concurrent, [], [], Ct);

        var erasure = Ticket.Erase(read, Erase, Domain.Tickets.Events.PersonalDataErased.DataSubjectRequest, "x", Actor.Agent("dpo"), Now.AddDays(1))!;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Erasure.SaveErasureAsync(erasure, Ct));
        var after = (await Store.GetAsync(id, Ct))!;
        Assert.Equal("maria.silva@ifsp.edu.br", after.RequesterEmail.Value);
        Assert.True(HistoryVerification.Verify(after.History, after.HeadHash).IsValid);
    }

    [Fact]
    public async Task Protocols_are_sequential_per_year_and_restart_each_year()
    {
        var year = FreshYear();
        var a = await Store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid())), Ct);
        var b = await Store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid())), Ct);
        var c = await Store.CreateAsync(year + 1, Draft(new TicketId(Guid.NewGuid())), Ct);

        Assert.Equal(ProtocolNumber.Create(year, 1), a.Ticket.Protocol);
        Assert.Equal(ProtocolNumber.Create(year, 2), b.Ticket.Protocol);
        Assert.Equal(ProtocolNumber.Create(year + 1, 1), c.Ticket.Protocol);
        Assert.True(a.Created && b.Created && c.Created);
    }

    [Fact]
    public async Task A_created_ticket_reads_back_with_its_verified_history_by_id_and_by_protocol()
    {
        var id = new TicketId(Guid.NewGuid());
        var messageId = NewMessageId();
        var outcome = await Store.CreateAsync(FreshYear(), Draft(id, messageId), Ct);

        var byId = await Store.GetAsync(id, Ct);
        var byProtocol = await Store.FindByProtocolAsync(outcome.Ticket.Protocol, Ct);

        Assert.NotNull(byId);
        Assert.NotNull(byProtocol);
        Assert.Equal(id, byProtocol.Id);
        Assert.Equal(outcome.Ticket.Protocol, byId.Protocol);
        Assert.Equal("Sem acesso", byId.Subject);
        Assert.Equal(2, byId.CommittedVersion);
        Assert.Empty(byId.PendingEvents);
        Assert.Equal(messageId, Assert.Single(byId.Messages).MessageId);
        Assert.True(HistoryVerification.Verify(byId.History).IsValid);
        Assert.Equal(Now, byId.RegisteredAt);
    }

    [Fact]
    public async Task Unknown_ids_protocols_and_message_ids_find_nothing()
    {
        Assert.Null(await Store.GetAsync(new TicketId(Guid.NewGuid()), Ct));
        Assert.Null(await Store.FindByProtocolAsync(ProtocolNumber.Create(FreshYear(), 9_999_999), Ct));
        Assert.Null(await Store.FindByMessageIdsAsync([NewMessageId()], Ct));
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_message_writes_nothing_and_consumes_no_number()
    {
        var year = FreshYear();
        var messageId = NewMessageId();
        var first = await Store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid()), messageId), Ct);
        var otherId = new TicketId(Guid.NewGuid());

        var again = await Store.CreateAsync(year, Draft(otherId, messageId), Ct);
        var next = await Store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid())), Ct);

        Assert.False(again.Created);
        Assert.Equal(first.Ticket, again.Ticket);
        Assert.Null(await Store.GetAsync(otherId, Ct));
        Assert.Equal(ProtocolNumber.Create(year, 2), next.Ticket.Protocol);
    }

    [Fact]
    public async Task Message_ids_find_their_ticket()
    {
        var messageId = NewMessageId();
        var created = await Store.CreateAsync(FreshYear(), Draft(new TicketId(Guid.NewGuid()), messageId), Ct);

        var found = await Store.FindByMessageIdsAsync([NewMessageId(), messageId], Ct);

        Assert.Equal(created.Ticket, found);
    }

    [Fact]
    public async Task The_outbox_is_written_with_the_ticket()
    {
        var id = new TicketId(Guid.NewGuid());
        var outbox = Outbox();

        await Store.CreateAsync(FreshYear(), Draft(id, NewMessageId(), outbox), Ct);

        var pending = Assert.Single(await PendingOutboxAsync(id));
        Assert.Equal(outbox.Id, pending.Id);
        Assert.Equal(outbox.Queue, pending.Queue);
        Assert.Equal(outbox.Body, pending.Body);
    }

    [Fact]
    public async Task Saving_appends_events_message_ids_and_outbox_together()
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(FreshYear(), Draft(id, NewMessageId()), Ct);
        var ticket = (await Store.GetAsync(id, Ct))!;
        var reply = NewMessageId();
        ticket.AddRequesterMessage(reply, "maria.silva@ifsp.edu.br", "Re: Sem acesso", "Ainda sem acesso.", null, Now.AddHours(1), 0, Now.AddHours(1));
        var outbox = Outbox("{\"reply\":1}");

        await Store.SaveAsync(ticket, [reply], [outbox], Ct);

        Assert.Equal(3, ticket.CommittedVersion);
        var reloaded = (await Store.GetAsync(id, Ct))!;
        Assert.Equal(3, reloaded.CommittedVersion);
        Assert.True(HistoryVerification.Verify(reloaded.History).IsValid);
        Assert.Equal(id, (await Store.FindByMessageIdsAsync([reply], Ct))!.Id);
        Assert.Contains(await PendingOutboxAsync(id), m => m.Id == outbox.Id);
    }

    [Fact]
    public async Task Saving_a_stale_ticket_is_a_conflict_and_changes_nothing()
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(FreshYear(), Draft(id), Ct);
        var first = (await Store.GetAsync(id, Ct))!;
        var second = (await Store.GetAsync(id, Ct))!;
        first.AddRequesterMessage(NewMessageId(), "maria.silva@ifsp.edu.br", "Re", "primeira", null, Now, 0, Now);
        second.AddRequesterMessage(NewMessageId(), "maria.silva@ifsp.edu.br", "Re", "segunda", null, Now, 0, Now);
        var lostOutbox = Outbox("{\"lost\":1}");

        await Store.SaveAsync(first, [], [], Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(second, [], [lostOutbox], Ct));

        var stored = (await Store.GetAsync(id, Ct))!;
        Assert.Equal(3, stored.CommittedVersion);
        Assert.Equal("primeira", stored.Messages[^1].Text);
        Assert.DoesNotContain(await PendingOutboxAsync(id), m => m.Id == lostOutbox.Id);
    }

    [Fact]
    public async Task Concurrent_saves_of_one_version_let_exactly_one_win()
    {
        var id = new TicketId(Guid.NewGuid());
        await Store.CreateAsync(FreshYear(), Draft(id), Ct);
        var copies = new List<Ticket>();
        for (var i = 0; i < 4; i++)
        {
            var copy = (await Store.GetAsync(id, Ct))!;
            copy.AddRequesterMessage(NewMessageId(), "maria.silva@ifsp.edu.br", "Re", $"cópia {i}", null, Now, 0, Now);
            copies.Add(copy);
        }

        var results = await Task.WhenAll(copies.Select(async c =>
        {
            try
            {
                await Store.SaveAsync(c, [], [], Ct);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(3, (await Store.GetAsync(id, Ct))!.CommittedVersion);
    }

    [Fact]
    public async Task Concurrent_creates_get_distinct_consecutive_numbers()
    {
        var year = FreshYear();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid()), NewMessageId()), Ct)));

        Assert.Equal(Enumerable.Range(1, 8), outcomes.Select(o => o.Ticket.Protocol.Counter).Order());
        foreach (var outcome in outcomes)
        {
            Assert.Equal(outcome.Ticket.Id, (await Store.FindByProtocolAsync(outcome.Ticket.Protocol, Ct))!.Id);
        }
    }
}
