using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The ticket store contract against Cosmos DB: the loopback server here, a real account in
/// <see cref="RealCosmosTicketStoreTests"/>. Each test uses a year of its own in a shared container.</summary>
public abstract class CosmosTicketStoreContract : TicketStoreContract
{
    protected CosmosTicketStoreContract(Microsoft.Azure.Cosmos.Container container, CosmosOptions options)
    {
        Clock = new FakeTimeProvider(Now);
        CosmosStore = new CosmosTicketStore(container, options, Clock, new NoTicketDeadlines(), TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
    }

    protected FakeTimeProvider Clock { get; }

    protected CosmosTicketStore CosmosStore { get; }

    protected override ITicketStore Store => CosmosStore;

    protected override int FreshYear() => Random.Shared.Next(2100, 9000);

    protected override Task<IReadOnlyList<OutboxMessage>> PendingOutboxAsync(TicketId id) => CosmosStore.OutboxOfAsync(id, Ct);
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosTicketStoreTests(CosmosServerFixture cosmos) : CosmosTicketStoreContract(cosmos.Tickets, cosmos.StoreOptions)
{
}

/// <summary>What only the Cosmos DB store does: void numbers, abandoned reservations, outbox retention.</summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosProtocolAccountingTests(CosmosServerFixture cosmos)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CosmosTicketStore NewStore() => new(cosmos.Tickets, cosmos.StoreOptions, _clock, new NoTicketDeadlines(), TestContent.Store, NullLogger<CosmosTicketStore>.Instance);

    private static Func<ProtocolNumber, TicketDraft> Draft(TicketId id, string? messageId, IReadOnlyList<OutboxMessage>? outbox = null) => protocol =>
        new TicketDraft(
            Ticket.Register(id, protocol, new NewTicket("Sem acesso", "Erro 500.", EmailAddress.Parse("maria.silva@ifsp.edu.br"), null, Channel.Email, Now) { MessageId = messageId }, Now),
            messageId is null ? [] : [messageId],
            outbox ?? []);

    [Fact]
    public async Task Racing_deliveries_of_one_message_make_one_ticket_and_every_number_is_accounted_for()
    {
        var store = NewStore();
        var year = Random.Shared.Next(2100, 9000);
        var messageId = Guid.NewGuid().ToString("N") + "@ifsp.edu.br";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid()), messageId), Ct)));

        var created = Assert.Single(outcomes, o => o.Created);
        Assert.All(outcomes, o => Assert.Equal(created.Ticket, o.Ticket));
        var last = await store.LastReservedAsync(year, Ct);
        var voids = await store.ListVoidAsync(year, Ct);
        Assert.Equal(last - 1, voids.Count);
        Assert.Equal(
            Enumerable.Range(1, last),
            voids.Select(v => v.Protocol.Counter).Append(created.Ticket.Protocol.Counter).Order());
        Assert.All(voids, v => Assert.Contains("duplicate", v.Reason, StringComparison.Ordinal));
    }

    /// <summary>Issue 21: instances of the app racing for the numbers of one year (each its own client, as scaled-out
    /// instances are) lose no counter update: every number is reserved by one atomic increment (PATCH), none by a
    /// read-modify-write that a 412 sends round again. Before, most updates lost the ETag race.</summary>
    [Fact]
    public async Task Instances_racing_for_numbers_reserve_each_with_one_atomic_increment_and_lose_no_update()
    {
        const int instances = 8, perInstance = 10;
        var year = Random.Shared.Next(2100, 9000);
        var counter = "counter-" + year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var log = new CosmosRequestLog();
        var clients = Enumerable.Range(0, instances).Select(_ => log.NewClient(cosmos.StoreOptions)).ToList();
        try
        {
            var stores = clients.Select(c => new CosmosTicketStore(
                c.GetContainer(cosmos.StoreOptions.DatabaseName, cosmos.StoreOptions.TicketsContainer), cosmos.StoreOptions, _clock, new NoTicketDeadlines(), TestContent.Store, NullLogger<CosmosTicketStore>.Instance)).ToList();

            var outcomes = await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(0, perInstance).Select(_ =>
                store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid()), Guid.NewGuid().ToString("N") + "@ifsp.edu.br"), Ct))));

            Assert.All(outcomes, o => Assert.True(o.Created));
            Assert.Equal(Enumerable.Range(1, instances * perInstance), outcomes.Select(o => o.Ticket.Protocol.Counter).Order());
            Assert.Equal(0, log.Count(counter, "PUT"));                                  // no read-modify-write
            Assert.Equal(0, log.Count(counter, status: 412));                            // no lost race
            Assert.Equal((instances * perInstance) - 1, log.Count(counter, "PATCH", 200)); // one increment per number after the first
            Assert.Empty(await NewStore().ListVoidAsync(year, Ct));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task A_message_claimed_by_a_writer_that_died_before_its_ticket_is_in_progress_not_a_duplicate_until_abandoned()
    {
        // The first writer claims the message id, records its protocol and dies writing the ticket item (its content
        // store fails on the large first event). A redelivery within AbandonedAfter must not be told "duplicate" (the
        // sender would forget a message that is no ticket): it is in progress. After AbandonedAfter it becomes a ticket.
        var year = Random.Shared.Next(2100, 9000);
        var messageId = Guid.NewGuid().ToString("N") + "@ifsp.edu.br";
        var dying = new CosmosTicketStore(cosmos.Tickets, cosmos.StoreOptions, _clock, new NoTicketDeadlines(), new FailingContentStore(), NullLogger<CosmosTicketStore>.Instance);
        await Assert.ThrowsAsync<IOException>(() => dying.CreateAsync(year, LargeDraft(new TicketId(Guid.NewGuid()), messageId), Ct));
        var store = NewStore();

        var pending = await store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid()), messageId), Ct);
        Assert.True(pending.InProgress);
        Assert.False(pending.Created);
        Assert.Null(await store.FindByMessageIdsAsync([messageId], Ct));
        Assert.Equal(1, await store.LastReservedAsync(year, Ct)); // a retry during the claim reserves no number

        _clock.Advance(TimeSpan.FromMinutes(10));
        var taken = await store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid()), messageId), Ct);

        Assert.True(taken.Created);
        Assert.False(taken.InProgress);
        Assert.Equal(taken.Ticket, await store.FindByMessageIdsAsync([messageId], Ct));
    }

    private static Func<ProtocolNumber, TicketDraft> LargeDraft(TicketId id, string messageId) => protocol =>
        new TicketDraft(
            Ticket.Register(id, protocol, new NewTicket("Sem acesso", new string('x', 40_000), EmailAddress.Parse("maria.silva@ifsp.edu.br"), null, Channel.Email, Now) { MessageId = messageId }, Now),
            [messageId],
            []);

    [Fact]
    public async Task A_number_whose_writer_died_is_voided_once_abandoned_and_never_reused()
    {
        var store = NewStore();
        var year = Random.Shared.Next(2100, 9000);
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateAsync(
            year,
            p => ++calls == 2 ? throw new InvalidOperationException("the writer dies after reserving") : Draft(new TicketId(Guid.NewGuid()), null)(p),
            Ct));

        Assert.Empty(await store.AccountForNumbersAsync(year, Ct)); // too recent: the writer may still be working
        _clock.Advance(TimeSpan.FromMinutes(11));
        var voided = await store.AccountForNumbersAsync(year, Ct);
        var next = await store.CreateAsync(year, Draft(new TicketId(Guid.NewGuid()), null), Ct);

        Assert.Equal([ProtocolNumber.Create(year, 1)], voided);
        Assert.Equal(ProtocolNumber.Create(year, 1), Assert.Single(await store.ListVoidAsync(year, Ct)).Protocol);
        Assert.Equal(ProtocolNumber.Create(year, 2), next.Ticket.Protocol);
        Assert.Empty(await store.AccountForNumbersAsync(year, Ct));
    }

    [Fact]
    public async Task A_ticket_whose_writer_stopped_before_its_list_item_reappears_in_lists_after_the_accounting_sweep()
    {
        var deadlines = new FailingOnceDeadlines();
        var store = new CosmosTicketStore(cosmos.Tickets, cosmos.StoreOptions, _clock, deadlines, TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
        var queries = new CosmosTicketQueries(cosmos.Tickets, cosmos.StoreOptions, NullLogger<CosmosTicketQueries>.Instance);
        var year = Random.Shared.Next(2100, 9000);
        var word = "marca" + Guid.NewGuid().ToString("N")[..10];
        var id = new TicketId(Guid.NewGuid());
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.CreateAsync(
            year,
            p => new TicketDraft(Ticket.Register(id, p, new NewTicket("Sem acesso " + word, "Erro 500.", EmailAddress.Parse("maria.silva@ifsp.edu.br"), null, Channel.Email, Now), Now), [], []),
            Ct));
        var listed = new TicketQuery { Text = word };

        Assert.NotNull(await store.GetAsync(id, Ct)); // the ticket was written, its list item was not
        Assert.Empty((await queries.ListAsync(listed, Ct)).Items);
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty(await store.AccountForNumbersAsync(year, Ct)); // a real ticket: nothing to void
        Assert.Equal(id.ToString(), Assert.Single((await queries.ListAsync(listed, Ct)).Items).Id);
        Assert.Empty(await store.AccountForNumbersAsync(year, Ct)); // twice: still one list item, nothing voided
        Assert.Single((await queries.ListAsync(listed, Ct)).Items);
        Assert.Empty(await store.ListVoidAsync(year, Ct));
    }

    [Fact]
    public async Task A_message_id_a_transport_gave_a_sent_message_finds_its_ticket_and_recording_it_twice_changes_nothing()
    {
        var store = NewStore();
        var created = await store.CreateAsync(Random.Shared.Next(2100, 9000), Draft(new TicketId(Guid.NewGuid()), null), Ct);
        var other = await store.CreateAsync(Random.Shared.Next(2100, 9000), Draft(new TicketId(Guid.NewGuid()), null), Ct);
        var sent = Guid.NewGuid().ToString("N") + "@prod.outlook.com";

        await store.AddMessageIdAsync(created.Ticket, sent, Ct);
        await store.AddMessageIdAsync(created.Ticket, sent, Ct);
        await store.AddMessageIdAsync(other.Ticket, sent, Ct); // already someone else's: keeps pointing there

        Assert.Equal(created.Ticket, await store.FindByMessageIdsAsync([sent], Ct));
    }

    [Fact]
    public async Task A_long_body_goes_to_the_content_store_and_the_ticket_item_keeps_only_its_key()
    {
        var store = NewStore();
        var id = new TicketId(Guid.NewGuid());
        var body = "Log do erro: " + string.Concat(Enumerable.Range(0, 9_000).Select(i => $"linha {i:D5}; ")); // ~130,000 characters
        var shortReply = "Obrigada.";
        await store.CreateAsync(
            Random.Shared.Next(2100, 9000),
            p => new TicketDraft(Ticket.Register(id, p, new NewTicket("Erro longo", body, EmailAddress.Parse("maria.silva@ifsp.edu.br"), null, Channel.Email, Now), Now), [], []),
            Ct);
        var ticket = (await store.GetAsync(id, Ct))!;
        ticket.AddRequesterMessage(NewMessageIdOf("short"), "maria.silva@ifsp.edu.br", "Re", shortReply, null, Now, 0, Now);
        await store.SaveAsync(ticket, [], [], Ct);

        using var raw = await cosmos.Tickets.ReadItemStreamAsync(id.ToString(), new Microsoft.Azure.Cosmos.PartitionKey(id.ToString()), cancellationToken: Ct);
        var item = (await System.Text.Json.Nodes.JsonNode.ParseAsync(raw.Content, cancellationToken: Ct))!.AsObject();
        var events = item["events"]!.AsArray();
        var offloaded = events.Where(e => e!["dataRef"] is not null).ToList();
        var reread = (await store.GetAsync(id, Ct))!;

        Assert.Single(offloaded); // the registration with the long body; the short reply stays inline
        Assert.Null(offloaded[0]!["data"]);
        Assert.True(item.ToJsonString().Length < 10_000, "the ticket item should not carry the long body");
        Assert.NotNull(await TestContent.Store.GetAsync(offloaded[0]!["dataRef"]!.GetValue<string>(), Ct));
        Assert.Equal(body, reread.Messages[0].Text);
        Assert.Equal(shortReply, reread.Messages[^1].Text);
        Assert.True(HistoryVerification.Verify(reread.History).IsValid);
    }

    [Fact]
    public async Task An_erasure_deletes_the_long_body_from_the_content_store()
    {
        var store = NewStore();
        var id = new TicketId(Guid.NewGuid());
        var body = "Meu CPF é 529.982.247-25. " + string.Concat(Enumerable.Range(0, 9_000).Select(i => $"linha {i:D5}; "));
        await store.CreateAsync(
            Random.Shared.Next(2100, 9000),
            p => new TicketDraft(Ticket.Register(id, p, new NewTicket("Erro longo", body, EmailAddress.Parse("maria.silva@ifsp.edu.br"), null, Channel.Email, Now), Now), [], []),
            Ct);
        var key = await DataRefAsync(id);
        Assert.NotNull(await TestContent.Store.GetAsync(key!, Ct));

        var erasure = Ticket.Erase((await store.GetAsync(id, Ct))!, new(_ => "[removido]", t => t, _ => "titular-x@anonimizado.invalid", _ => null), Domain.Tickets.Events.PersonalDataErased.DataSubjectRequest, "x", Actor.Agent("dpo"), Now.AddDays(1))!;
        await store.SaveErasureAsync(erasure, Ct);

        Assert.Null(await TestContent.Store.GetAsync(key!, Ct));
        Assert.Null(await DataRefAsync(id));
        var reread = (await store.GetAsync(id, Ct))!;
        Assert.Equal("[removido]", reread.Messages[0].Text);
        Assert.True(HistoryVerification.Verify(reread.History, reread.HeadHash).IsValid);
    }

    private async Task<string?> DataRefAsync(TicketId id)
    {
        using var raw = await cosmos.Tickets.ReadItemStreamAsync(id.ToString(), new Microsoft.Azure.Cosmos.PartitionKey(id.ToString()), cancellationToken: Ct);
        var item = (await System.Text.Json.Nodes.JsonNode.ParseAsync(raw.Content, cancellationToken: Ct))!.AsObject();
        return item["events"]!.AsArray().Select(e => e!["dataRef"]?.GetValue<string>()).FirstOrDefault(k => k is not null);
    }

    private static string NewMessageIdOf(string what) => $"{what}-{Guid.NewGuid():N}@ifsp.edu.br";

    [Fact]
    public async Task Outbox_entries_leave_the_ticket_item_after_the_retention()
    {
        var store = NewStore();
        var id = new TicketId(Guid.NewGuid());
        var old = new OutboxMessage(Guid.NewGuid(), Queues.OutboundMail, "{}", Now);
        await store.CreateAsync(Random.Shared.Next(2100, 9000), Draft(id, null, [old]), Ct);
        _clock.Advance(TimeSpan.FromDays(8));
        var ticket = (await store.GetAsync(id, Ct))!;
        ticket.AddRequesterMessage("late@ifsp.edu.br", "maria.silva@ifsp.edu.br", "Re", "ainda?", null, _clock.GetUtcNow(), 0, _clock.GetUtcNow());
        var fresh = new OutboxMessage(Guid.NewGuid(), Queues.OutboundMail, "{}", _clock.GetUtcNow());

        await store.SaveAsync(ticket, [], [fresh], Ct);

        Assert.Equal([fresh.Id], (await store.OutboxOfAsync(id, Ct)).Select(m => m.Id));
    }

    [Fact]
    public async Task The_change_feed_delivers_the_ticket_item_with_its_outbox_entries()
    {
        var store = NewStore();
        var id = new TicketId(Guid.NewGuid());
        var outbox = new OutboxMessage(Guid.NewGuid(), Queues.OutboundMail, "{\"mail\":1}", Now);
        await store.CreateAsync(Random.Shared.Next(2100, 9000), Draft(id, null, [outbox]), Ct);

        var found = false;
        using var feed = cosmos.Tickets.GetChangeFeedStreamIterator(Microsoft.Azure.Cosmos.ChangeFeedStartFrom.Beginning(), Microsoft.Azure.Cosmos.ChangeFeedMode.LatestVersion);
        while (feed.HasMoreResults && !found)
        {
            using var page = await feed.ReadNextAsync(Ct);
            if (page.StatusCode == System.Net.HttpStatusCode.NotModified)
            {
                break;
            }

            var body = await System.Text.Json.Nodes.JsonNode.ParseAsync(page.Content, cancellationToken: Ct);
            foreach (var document in body!["Documents"]!.AsArray())
            {
                if (document!["id"]!.GetValue<string>() == id.ToString())
                {
                    found = true;
                    Assert.Equal("ticket", document["type"]!.GetValue<string>());
                    var entry = Assert.Single(document["outbox"]!.AsArray());
                    Assert.Equal(Queues.OutboundMail, entry!["queue"]!.GetValue<string>());
                    Assert.Equal("{\"mail\":1}", entry["body"]!.GetValue<string>());
                }
            }
        }

        Assert.True(found, "the ticket item did not appear in the change feed");
    }

    [Fact]
    public async Task Processed_messages_and_heartbeats_are_idempotent()
    {
        var processed = new CosmosProcessedMessages(cosmos.Tickets, cosmos.StoreOptions, NullLogger<CosmosProcessedMessages>.Instance);
        var heartbeats = new CosmosAvailabilityLog(cosmos.Tickets, cosmos.StoreOptions, NullLogger<CosmosAvailabilityLog>.Instance);
        var key = Guid.NewGuid().ToString("N");
        var minute = new DateTimeOffset(Random.Shared.Next(2100, 9000), 3, 31, 23, 59, 0, TimeSpan.Zero);

        Assert.False(await processed.WasProcessedAsync("c", key, Ct));
        await processed.MarkProcessedAsync("c", key, Now, Ct);
        await processed.MarkProcessedAsync("c", key, Now, Ct);
        await heartbeats.RecordHeartbeatAsync(minute, Ct);
        await heartbeats.RecordHeartbeatAsync(minute.AddSeconds(30), Ct);
        await heartbeats.RecordHeartbeatAsync(minute.AddMinutes(1), Ct); // next month

        Assert.True(await processed.WasProcessedAsync("c", key, Ct));
        Assert.False(await processed.WasProcessedAsync("other", key, Ct));
        Assert.Equal(2, await heartbeats.CountHeartbeatsAsync(minute.AddHours(-1), minute.AddHours(1), Ct));
        Assert.Equal(1, await heartbeats.CountHeartbeatsAsync(minute.AddMinutes(1), minute.AddHours(1), Ct));
        Assert.Equal([minute, minute.AddMinutes(1)], await heartbeats.ListHeartbeatsAsync(minute.AddHours(-1), minute.AddHours(1), Ct)); // across two month partitions
    }
}

/// <summary>A content store that is down: a writer that must offload a large event stops before its ticket item.</summary>
internal sealed class FailingContentStore : IContentStore
{
    public Task<string> PutAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
        throw new IOException("the writer dies here");

    public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => throw new IOException("the store is down");
}

/// <summary>Deadlines whose first computation fails: the store stops right after the ticket item, before its list item.</summary>
internal sealed class FailingOnceDeadlines : ITicketDeadlines
{
    private int _calls;

    public TicketDeadline For(Ticket ticket) =>
        Interlocked.Increment(ref _calls) == 1 ? throw new InvalidOperationException("the writer stops here") : TicketDeadline.None;
}
