using Helpdesk.Infrastructure.Azure.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>
/// <c>@vercel/cosmosdb-server</c> on a free loopback port (HTTPS, self-signed), for one test collection. It speaks the
/// Cosmos DB REST API for point operations, ETag checks, queries that name their partition key, and the change feed;
/// not transactional batches nor cross-partition query plans (ARCHITECTURE.md D3).
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    /// <summary>Any base64 key: the loopback server does not check signatures.</summary>
    private const string AnyKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    private EmulatorProcess? _process;

    public CosmosClient Client { get; private set; } = null!;

    /// <summary>The tickets container of database <c>helpdesk-tests</c>, created once for the collection.</summary>
    public Container Tickets { get; private set; } = null!;

    public CosmosOptions StoreOptions => Options("helpdesk-tests");

    public CosmosOptions Options(string database) => new()
    {
        AccountEndpoint = new Uri($"https://127.0.0.1:{_process!.Port}/"),
        AccountKey = AnyKey,
        DatabaseName = database,
        Emulator = true,
    };

    public async ValueTask InitializeAsync()
    {
        _process = await EmulatorProcess.StartAsync(
            "cosmosdb-server",
            port => ["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1"],
            port => new Uri($"https://127.0.0.1:{port}/")).ConfigureAwait(false);
        Client = CosmosConnection.CreateClient(StoreOptions);
        Tickets = await CosmosConnection.EnsureTicketsContainerAsync(Client, StoreOptions, CancellationToken.None).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CosmosServerCollection : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos loopback server";
}
