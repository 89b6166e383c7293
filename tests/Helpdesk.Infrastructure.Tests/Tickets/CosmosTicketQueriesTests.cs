using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The ticket-list contract against Cosmos DB, in a database of its own per test (lists read every year of
/// the container). Every list query is a single-partition query on <c>list-{year}</c> (ADR-013), so the whole suite
/// runs on the loopback server too; none needs a cross-partition query plan.</summary>
public abstract class CosmosTicketQueriesContract : TicketQueriesContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosTicketStore? _store;
    private CosmosTicketQueries? _queries;

    protected CosmosTicketQueriesContract(CosmosClient client, CosmosOptions options)
    {
        _database = new CosmosTestDatabase(client, options, "lists");
    }

    protected override ITicketStore Store => _store!;

    protected override ITicketQueries Queries => _queries!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosTicketStore(container, _database.Options, new FakeTimeProvider(Now), Deadlines, TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
        _queries = new CosmosTicketQueries(container, _database.Options, NullLogger<CosmosTicketQueries>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosTicketQueriesTests(CosmosServerFixture cosmos) : CosmosTicketQueriesContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The ticket-list contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosTicketQueriesTests : CosmosTicketQueriesContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosTicketQueriesTests(RealCosmosFixture fixture)
        : base(fixture.Required("ticket-list contract").Client!, fixture.Options!)
    {
    }
}
