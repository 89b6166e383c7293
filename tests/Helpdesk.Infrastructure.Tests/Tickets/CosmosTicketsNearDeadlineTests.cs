using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>The sweep's query contract on Cosmos DB, in a database of its own per test (the query reads every year of
/// the container). Each query is single-partition on <c>list-{year}</c>, so the suite runs on the loopback server.</summary>
public abstract class CosmosTicketsNearDeadlineContract : TicketsNearDeadlineContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosTicketStore? _store;
    private CosmosTicketsNearDeadline? _near;

    protected CosmosTicketsNearDeadlineContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "sweep");

    protected override ITicketStore Store => _store!;

    protected override ITicketsNearDeadline Near => _near!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosTicketStore(container, _database.Options, new FakeTimeProvider(T0), Deadlines, TestContent.Store, NullLogger<CosmosTicketStore>.Instance);
        _near = new CosmosTicketsNearDeadline(container, _database.Options, NullLogger<CosmosTicketsNearDeadline>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosTicketsNearDeadlineTests(CosmosServerFixture cosmos) : CosmosTicketsNearDeadlineContract(cosmos.Client, cosmos.StoreOptions)
{
    [Fact]
    public void Each_year_is_asked_by_a_single_partition_query_in_urgency_order()
    {
        var sql = CosmosTicketsNearDeadline.Build("sweepWarnAt", 25);

        Assert.Equal("SELECT TOP 25 c.ticketId, c.sweepWarnAt AS at FROM c WHERE c.pk = @pk AND c.type = @type AND c.sweepWarnAt <= @limit ORDER BY c.sweepWarnAt ASC", sql);
    }
}

/// <summary>The sweep's query contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosTicketsNearDeadlineTests : CosmosTicketsNearDeadlineContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosTicketsNearDeadlineTests(RealCosmosFixture fixture)
        : base(fixture.Required("sweep query contract").Client!, fixture.Options!)
    {
    }
}
