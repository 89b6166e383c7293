using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Tests.Tickets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Intake;

/// <summary>The held-messages contract on Cosmos DB (one item per message in the partition <c>held-messages</c>,
/// created if absent, decided under its ETag), in a database of its own per test.</summary>
public abstract class CosmosHeldMessagesContract : HeldMessagesContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosHeldMessages? _store;

    protected CosmosHeldMessagesContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "held");

    protected override IHeldMessages Store => _store!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosHeldMessages(container, _database.Options, NullLogger<CosmosHeldMessages>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosHeldMessagesTests(CosmosServerFixture cosmos) : CosmosHeldMessagesContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The held-messages contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosHeldMessagesTests : CosmosHeldMessagesContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosHeldMessagesTests(RealCosmosFixture fixture)
        : base(fixture.Required("held-messages contract").Client!, fixture.Options!)
    {
    }
}
