using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Tests.Tickets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The daily-figures contract on Cosmos DB (one item per day in <c>daily-{yyyy-MM}</c>), in a database of its
/// own per test; every read is a single-partition query per month, so it runs on the loopback server.</summary>
public abstract class CosmosDailyIndicatorStoreContract : DailyIndicatorStoreContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosDailyIndicatorStore? _store;

    protected CosmosDailyIndicatorStoreContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "daily");

    protected override IDailyIndicatorStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosDailyIndicatorStore(container, _database.Options, NullLogger<CosmosDailyIndicatorStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosDailyIndicatorStoreTests(CosmosServerFixture cosmos) : CosmosDailyIndicatorStoreContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The daily-figures contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosDailyIndicatorStoreTests : CosmosDailyIndicatorStoreContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosDailyIndicatorStoreTests(RealCosmosFixture fixture)
        : base(fixture.Required("daily-figures contract").Client!, fixture.Options!)
    {
    }
}
