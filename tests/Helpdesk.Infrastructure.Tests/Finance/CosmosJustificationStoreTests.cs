using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Tests.Tickets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The justification contract on Cosmos DB (one item per indicator in <c>justifications-{month}-{contract}</c>, created
/// if absent, decided under its ETag), in a database of its own per test; it runs on the loopback server.</summary>
public abstract class CosmosJustificationStoreContract : JustificationStoreContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosJustificationStore? _store;

    protected CosmosJustificationStoreContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "justifications");

    protected override IJustificationStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosJustificationStore(container, _database.Options, NullLogger<CosmosJustificationStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosJustificationStoreTests(CosmosServerFixture cosmos) : CosmosJustificationStoreContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The justification contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosJustificationStoreTests : CosmosJustificationStoreContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosJustificationStoreTests(RealCosmosFixture fixture)
        : base(fixture.Required("justification contract").Client!, fixture.Options!)
    {
    }
}
