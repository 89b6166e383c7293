using Helpdesk.Infrastructure.Azure.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>A database of its own for one test, on the account of <paramref name="options"/>: for suites that read
/// every year of the container (lists, ticket history) and so must start empty.</summary>
public sealed class IsolatedCosmosDatabase(CosmosClient client, CosmosOptions options, string prefix)
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

    public async ValueTask DeleteAsync()
    {
        using var _ = await client.GetDatabase(Options.DatabaseName).DeleteStreamAsync().ConfigureAwait(false);
    }
}
