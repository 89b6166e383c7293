using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Tests.Tickets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Infrastructure.Tests.Audit;

/// <summary>The audit-source contract on Cosmos DB, in a database of its own per test (the histories walk every
/// protocol year of the container). Every selection is a single-partition query (<c>list-{year}</c>,
/// <c>protocols-{year}</c>) and every ticket a point read, so the suite runs on the loopback server. Alterations
/// replace the ticket item directly; the abandoned number is a writer dying between reserving and registering, voided
/// by the store's own accounting once it is old enough.</summary>
public abstract class CosmosAuditSourceContract : AuditSourceContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 10, 12, 0, 0, TimeSpan.Zero));
    private Container? _container;
    private CosmosTicketStore? _store;
    private CosmosAuditSource? _source;

    protected CosmosAuditSourceContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "audit");

    protected override ITicketStore Store => _store!;

    protected override IAuditSource Source => _source!;

    public async ValueTask InitializeAsync()
    {
        _container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosTicketStore(_container, _database.Options, _clock, new NoTicketDeadlines(), TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
        _source = new CosmosAuditSource(_container, _database.Options, _store, TestContent.Store, NullLogger<CosmosAuditSource>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Histories_are_read_one_ticket_at_a_time_as_the_enumeration_advances()
    {
        var first = await RegisterAsync(At(3, 10));
        var second = await RegisterAsync(At(3, 11));
        var seen = new List<StoredHistory>();

        await foreach (var history in Source.HistoriesAsync(At(3, 1), At(4, 1), Ct))
        {
            if (seen.Count == 0)
            {
                // Written after the first history was handed out: a source that had read the year up front would miss it.
                await ChangeAsync(second, t => t.Assign("ana.l1", null, Actor.Agent("ana.l1"), At(3, 11).AddHours(1)));
            }

            seen.Add(history);
        }

        Assert.Equal([first.Id, second.Id], seen.Select(h => h.Id));
        Assert.Equal([first.History.Count, second.History.Count + 1], seen.Select(h => h.Events.Count));
    }

    protected override Task AlterEventAsync(Ticket ticket, int sequence, string from, string to) =>
        ReplaceEventDataAsync(ticket, sequence, data => JsonNode.Parse(data!.ToJsonString().Replace(from, to, StringComparison.Ordinal)));

    protected override Task CorruptEventAsync(Ticket ticket, int sequence) =>
        ReplaceEventDataAsync(ticket, sequence, _ => JsonValue.Create("não é um evento"));

    protected override async Task AbandonNumberAsync(int year)
    {
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store!.CreateAsync(
            year,
            p => ++calls == 2
                ? throw new InvalidOperationException("the writer dies after reserving")
                : new TicketDraft(Ticket.Register(new TicketId(Guid.NewGuid()), p, new NewTicket("x", "y", EmailAddress.Parse("ana@ifrs.edu.br"), "Ana", Channel.Email, _clock.GetUtcNow()), _clock.GetUtcNow()), [], []),
            Ct));
        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Single(await _store!.AccountForNumbersAsync(year, Ct));
    }

    private async Task ReplaceEventDataAsync(Ticket ticket, int sequence, Func<JsonNode?, JsonNode?> change)
    {
        var id = ticket.Id.ToString();
        using var read = await _container!.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: Ct);
        var item = (await JsonNode.ParseAsync(read.Content, cancellationToken: Ct))!.AsObject();
        var e = item["events"]!.AsArray().Single(n => n!["seq"]!.GetValue<int>() == sequence)!.AsObject();
        e["data"] = change(e["data"]);
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(item.ToJsonString()));
        using var replaced = await _container.ReplaceItemStreamAsync(body, id, new PartitionKey(id), cancellationToken: Ct);
        Assert.True(replaced.IsSuccessStatusCode, replaced.ErrorMessage);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosAuditSourceTests(CosmosServerFixture cosmos) : CosmosAuditSourceContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The audit-source contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosAuditSourceTests : CosmosAuditSourceContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosAuditSourceTests(RealCosmosFixture fixture)
        : base(fixture.Required("audit-source contract").Client!, fixture.Options!)
    {
    }
}
