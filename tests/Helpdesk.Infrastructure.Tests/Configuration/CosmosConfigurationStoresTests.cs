using Helpdesk.Application.Institutions;
using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Helpdesk.Infrastructure.Tests.Tickets;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Configuration;

/// <summary>The catalogue contract on Cosmos DB (the one <c>catalogue</c> item, created if absent, then replaced under its
/// ETag), in a database of its own per test.</summary>
public abstract class CosmosCatalogueStoreContract : CatalogueStoreContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosCatalogueStore? _store;
    private Container? _container;

    protected CosmosCatalogueStoreContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "catalogue");

    protected override ICatalogueStore Store => _store!;

    public async ValueTask InitializeAsync()
    {
        _container = await _database.CreateTicketsAsync(Ct);
        _store = new CosmosCatalogueStore(_container, _database.Options, NullLogger<CosmosCatalogueStore>.Instance);
    }

    protected override async Task StoreAsAnOlderVersionDidAsync(string document)
    {
        var item = new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = CosmosItems.Catalogue,
            ["pk"] = CosmosItems.Catalogue,
            ["type"] = CosmosItems.CatalogueType,
            ["version"] = 1,
            ["document"] = System.Text.Json.Nodes.JsonNode.Parse(document),
            ["changedBy"] = "supervisor.ana",
            ["changedAt"] = "2026-01-05T13:00:00.000Z",
        };
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(item.ToJsonString()));
        using var response = await _container!.CreateItemStreamAsync(content, new PartitionKey(CosmosItems.Catalogue), cancellationToken: Ct);
        Assert.True(response.IsSuccessStatusCode, $"create: {response.StatusCode}");
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The institution contract on Cosmos DB (items per domain in the <c>institutions</c> partition, built-in rows
/// seeded once under a marker), in a database of its own per test.</summary>
public abstract class CosmosInstitutionDirectoryContract : InstitutionDirectoryContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private Container? _container;
    private CosmosInstitutionDirectory? _directory;

    protected CosmosInstitutionDirectoryContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "institutions");

    protected override IInstitutionDirectory Directory => _directory!;

    /// <summary>A new adapter over the same container (another function instance): it must not seed again.</summary>
    protected override IInstitutionDirectory OpenAgain() => Open();

    public async ValueTask InitializeAsync()
    {
        _container = await _database.CreateTicketsAsync(Ct);
        _directory = Open();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private CosmosInstitutionDirectory Open() => new(_container!, _database.Options, NullLogger<CosmosInstitutionDirectory>.Instance);
}

/// <summary>The knowledge base contract on Cosmos DB (items in the <c>knowledge</c> partition, searched by CONTAINS on the
/// folded text), in a database of its own per test.</summary>
public abstract class CosmosKnowledgeBaseContract : KnowledgeBaseContract, IAsyncLifetime
{
    private readonly CosmosTestDatabase _database;
    private CosmosKnowledgeBase? _knowledge;

    protected CosmosKnowledgeBaseContract(CosmosClient client, CosmosOptions options) => _database = new CosmosTestDatabase(client, options, "knowledge");

    protected override IKnowledgeBase Knowledge => _knowledge!;

    public async ValueTask InitializeAsync()
    {
        var container = await _database.CreateTicketsAsync(Ct);
        _knowledge = new CosmosKnowledgeBase(container, _database.Options, NullLogger<CosmosKnowledgeBase>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosKnowledgeBaseTests(CosmosServerFixture cosmos) : CosmosKnowledgeBaseContract(cosmos.Client, cosmos.StoreOptions)
{
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosCatalogueStoreTests(CosmosServerFixture cosmos) : CosmosCatalogueStoreContract(cosmos.Client, cosmos.StoreOptions)
{
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosInstitutionDirectoryTests(CosmosServerFixture cosmos) : CosmosInstitutionDirectoryContract(cosmos.Client, cosmos.StoreOptions)
{
    /// <summary>Two instances starting at once both seed (create-if-absent): the built-in rows are there once each.</summary>
    [Fact]
    public async Task Two_instances_seeding_at_once_leave_each_built_in_row_once()
    {
        var other = OpenAgain();

        var lists = await Task.WhenAll(Directory.ListAsync(Ct), other.ListAsync(Ct));

        Assert.All(lists, list => Assert.Equal(BuiltInInstitutions.All, list));
    }
}

/// <summary>The catalogue contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosCatalogueStoreTests : CosmosCatalogueStoreContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosCatalogueStoreTests(RealCosmosFixture fixture)
        : base(fixture.Required("catalogue contract").Client!, fixture.Options!)
    {
    }
}

/// <summary>The institution contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosInstitutionDirectoryTests : CosmosInstitutionDirectoryContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosInstitutionDirectoryTests(RealCosmosFixture fixture)
        : base(fixture.Required("institution contract").Client!, fixture.Options!)
    {
    }
}

/// <summary>The knowledge base contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosKnowledgeBaseTests : CosmosKnowledgeBaseContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosKnowledgeBaseTests(RealCosmosFixture fixture)
        : base(fixture.Required("knowledge base contract").Client!, fixture.Options!)
    {
    }
}
