using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Tests.Tickets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The closed-month contract on Cosmos DB (one item per month in <c>closed-months-{contract}</c>, created if
/// absent, replaced under its ETag unless a later summary version is stored), in a database of its own per test; it runs
/// on the loopback server.</summary>
public abstract class CosmosClosedMonthStoreContract : ClosedMonthStoreContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosClosedMonthStore? _store;

    protected CosmosClosedMonthStoreContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "closedmonths");

    protected override IClosedMonthStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosClosedMonthStore(container, _database.Options, NullLogger<CosmosClosedMonthStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosClosedMonthStoreTests(CosmosServerFixture cosmos) : CosmosClosedMonthStoreContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The closed-month contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosClosedMonthStoreTests : CosmosClosedMonthStoreContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosClosedMonthStoreTests(RealCosmosFixture fixture)
        : base(fixture.Required("closed-month contract").Client!, fixture.Options!)
    {
    }
}
