using Helpdesk.Infrastructure.Azure.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>A database of its own for one test (queries that read every year of the container must not see other
/// tests' tickets), with the tickets container the adapters use; deleted when the test ends.</summary>
public sealed class CosmosTestDatabase(CosmosClient client, CosmosOptions options, string prefix) : IAsyncDisposable
{
    public CosmosOptions Options { get; } = new()
    {
        AccountEndpoint = options.AccountEndpoint,
        AccountKey = options.AccountKey,
        Emulator = options.Emulator,
        DatabaseName = prefix + "-" + Guid.NewGuid().ToString("N")[..12],
    };

    public Task<Container> CreateTicketsAsync(CancellationToken cancellationToken) =>
        CosmosConnection.EnsureTicketsContainerAsync(client, Options, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var _ = await client.GetDatabase(Options.DatabaseName).DeleteStreamAsync().ConfigureAwait(false);
    }
}
