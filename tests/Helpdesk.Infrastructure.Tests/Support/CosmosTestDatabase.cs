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

    /// <summary>Creates the database and its tickets container. The loopback server numbers databases, and every 64th
    /// gets a resource id whose base64 holds a '/' (<c>gAA/AA==</c>), which its routes cannot take: every request to
    /// that database then answers 404 ("stale cache" in the SDK). Such a database is dropped and another made.</summary>
    public async Task<Container> CreateTicketsAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var container = await CosmosConnection.EnsureTicketsContainerAsync(client, Options, cancellationToken).ConfigureAwait(false);
            using var read = await client.GetDatabase(Options.DatabaseName).ReadStreamAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            var rid = read.IsSuccessStatusCode
                ? System.Text.Json.Nodes.JsonNode.Parse(read.Content)?["_rid"]?.GetValue<string>()
                : null;
            if (rid is null || !rid.Contains('/', StringComparison.Ordinal) || attempt >= 3)
            {
                return container;
            }

            using var _ = await client.GetDatabase(Options.DatabaseName).DeleteStreamAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Options.DatabaseName = Options.DatabaseName[..Options.DatabaseName.LastIndexOf('-')] + "-" + Guid.NewGuid().ToString("N")[..12];
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var _ = await client.GetDatabase(Options.DatabaseName).DeleteStreamAsync().ConfigureAwait(false);
    }
}
