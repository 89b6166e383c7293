using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Tests.Tickets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The ticket-history contract against Cosmos DB, in a database of its own per test (the read side walks every
/// year of the container). Every selection is a single-partition query on <c>list-{year}</c> and every ticket a point
/// read, so the whole suite runs on the loopback server too.</summary>
public abstract class CosmosTicketHistoryContract : TicketHistoryContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosTicketStore? _store;
    private CosmosTicketHistory? _history;

    protected CosmosTicketHistoryContract(CosmosClient client, CosmosOptions options)
    {
        _database = new CosmosTestDatabase(client, options, "history");
    }

    protected override ITicketStore Store => _store!;

    protected override ITicketHistory History => _history!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosTicketStore(container, _database.Options, TimeProvider.System, new NoTicketDeadlines(), TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
        _history = new CosmosTicketHistory(container, _database.Options, _store, NullLogger<CosmosTicketHistory>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosTicketHistoryTests(CosmosServerFixture cosmos) : CosmosTicketHistoryContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The ticket-history contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosTicketHistoryTests : CosmosTicketHistoryContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosTicketHistoryTests(RealCosmosFixture fixture)
        : base(fixture.Required("ticket-history contract").Client!, fixture.Options!)
    {
    }
}
