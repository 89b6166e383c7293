using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>Issue 21 §5: the requests the Cosmos DB ticket store spends on a ticket, where a read could be avoided
/// without changing what the store does (counted with a request handler on the client).</summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosTicketStoreRequestTests(CosmosServerFixture cosmos) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly CosmosRequestLog _log = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private Microsoft.Azure.Cosmos.CosmosClient? _client;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CosmosTicketStore NewStore()
    {
        _client ??= _log.NewClient(cosmos.StoreOptions);
        return new CosmosTicketStore(_client.GetContainer(cosmos.StoreOptions.DatabaseName, cosmos.StoreOptions.TicketsContainer), cosmos.StoreOptions, _clock, new NoTicketDeadlines(), TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
    }

    private static Func<ProtocolNumber, TicketDraft> Draft(TicketId id, string messageId) => protocol =>
        new TicketDraft(
            Ticket.Register(id, protocol, new NewTicket("Sem acesso", "Erro 500.", EmailAddress.Parse("maria.silva@ifsp.edu.br"), null, Channel.Email, Now) { MessageId = messageId }, Now),
            [messageId],
            []);

    private static string NewMessageId() => Guid.NewGuid().ToString("N") + "@ifsp.edu.br";

    [Fact]
    public async Task A_change_to_a_loaded_ticket_is_written_with_the_etag_of_its_load_without_reading_the_item_again()
    {
        var store = NewStore();
        var id = new TicketId(Guid.NewGuid());
        await store.CreateAsync(Random.Shared.Next(2100, 9000), Draft(id, NewMessageId()), Ct);
        var readsBefore = _log.Count(id.ToString(), "GET");

        var ticket = (await store.GetAsync(id, Ct))!;
        ticket.AddRequesterMessage(NewMessageId(), "maria.silva@ifsp.edu.br", "Re", "mais detalhes", null, Now, 0, Now);
        await store.SaveAsync(ticket, [], [], Ct);

        Assert.Equal(readsBefore + 1, _log.Count(id.ToString(), "GET")); // the load only
        Assert.Equal(1, _log.Count(id.ToString(), "PUT", 200));
        var stored = (await store.GetAsync(id, Ct))!;
        Assert.Equal(3, stored.CommittedVersion);
        Assert.Equal("mais detalhes", stored.Messages[^1].Text);
    }

    [Fact]
    public async Task A_ticket_item_rewritten_since_the_load_without_a_new_version_is_saved_after_a_fresh_read()
    {
        // E.g. a writer that touched the item without appending an event: the ETag of the load is stale, the version is not.
        var store = NewStore();
        var id = new TicketId(Guid.NewGuid());
        await store.CreateAsync(Random.Shared.Next(2100, 9000), Draft(id, NewMessageId()), Ct);
        var ticket = (await store.GetAsync(id, Ct))!;
        var container = cosmos.Tickets;
        using (var read = await container.ReadItemStreamAsync(id.ToString(), new Microsoft.Azure.Cosmos.PartitionKey(id.ToString()), cancellationToken: Ct))
        using (var body = new MemoryStream())
        {
            await read.Content.CopyToAsync(body, Ct);
            body.Position = 0;
            using var rewritten = await container.ReplaceItemStreamAsync(body, id.ToString(), new Microsoft.Azure.Cosmos.PartitionKey(id.ToString()), cancellationToken: Ct);
            Assert.True(rewritten.IsSuccessStatusCode);
        }

        var readsBefore = _log.Count(id.ToString(), "GET");
        ticket.AddRequesterMessage(NewMessageId(), "maria.silva@ifsp.edu.br", "Re", "ainda sem acesso", null, Now, 0, Now);
        await store.SaveAsync(ticket, [], [], Ct);

        Assert.Equal(1, _log.Count(id.ToString(), "PUT", 412));    // the write with the load's ETag lost...
        Assert.Equal(readsBefore + 1, _log.Count(id.ToString(), "GET")); // ...so the item was read afresh
        var stored = (await store.GetAsync(id, Ct))!;
        Assert.Equal(3, stored.CommittedVersion);
        Assert.Equal("ainda sem acesso", stored.Messages[^1].Text);
    }

    [Fact]
    public async Task Registering_a_ticket_reads_its_message_id_claim_once_and_creates_its_list_item_without_reading_it()
    {
        var store = NewStore();
        var id = new TicketId(Guid.NewGuid());
        var messageId = NewMessageId();
        var year = Random.Shared.Next(2100, 9000);

        var created = await store.CreateAsync(year, Draft(id, messageId), Ct);

        Assert.True(created.Created);
        Assert.Equal(1, _log.Count(CosmosItems.MessageId(messageId), "GET")); // duplicate and in-progress checks share one read
        Assert.Equal(0, _log.Count(CosmosItems.Summary(id.ToString()), "GET"));
        using var summary = await cosmos.Tickets.ReadItemStreamAsync(CosmosItems.Summary(id.ToString()), new Microsoft.Azure.Cosmos.PartitionKey(CosmosItems.ListPartition(year)), cancellationToken: Ct);
        Assert.True(summary.IsSuccessStatusCode); // the list item was written all the same
        Assert.Equal(created.Ticket, await store.FindByMessageIdsAsync([messageId], Ct));
    }

    public void Dispose() => _client?.Dispose();
}
