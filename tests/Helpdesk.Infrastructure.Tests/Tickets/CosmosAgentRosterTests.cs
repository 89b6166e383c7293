using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The roster contract on Cosmos DB (items <c>roster-{group}</c>; workload from the list items of every
/// year), in a database of its own per test; every query is single-partition, so it runs on the loopback server.</summary>
public abstract class CosmosAgentRosterContract : AgentRosterContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosTicketStore? _store;
    private CosmosAgentRoster? _roster;

    protected CosmosAgentRosterContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "roster");

    protected override ITicketStore Store => _store!;

    protected override IAgentRoster Roster => _roster!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosTicketStore(container, _database.Options, new FakeTimeProvider(Now), Deadlines, TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
        _roster = new CosmosAgentRoster(container, _database.Options, NullLogger<CosmosAgentRoster>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosAgentRosterTests(CosmosServerFixture cosmos) : CosmosAgentRosterContract(cosmos.Client, cosmos.StoreOptions)
{
}

/// <summary>The roster contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosAgentRosterTests : CosmosAgentRosterContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosAgentRosterTests(RealCosmosFixture fixture)
        : base(fixture.Required("roster contract").Client!, fixture.Options!)
    {
    }
}
