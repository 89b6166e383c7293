using Helpdesk.Infrastructure.Azure.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.Infrastructure.Tests.Tickets;

/// <summary>A real Cosmos DB account or emulator, given by <c>COSMOS_TEST_ENDPOINT</c> and <c>COSMOS_TEST_KEY</c>.</summary>
public sealed class RealCosmosFixture : IAsyncLifetime
{
    private CosmosClient? _client;

    public CosmosClient? Client => _client;

    public Container? Tickets { get; private set; }

    public CosmosOptions? Options { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var endpoint = Environment.GetEnvironmentVariable("COSMOS_TEST_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("COSMOS_TEST_KEY");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(key))
        {
            return;
        }

        Options = new CosmosOptions
        {
            AccountEndpoint = new Uri(endpoint),
            AccountKey = key,
            DatabaseName = "helpdesk-tests",
            // The local emulator serves a self-signed certificate on localhost.
            Emulator = endpoint.Contains("localhost", StringComparison.Ordinal) || endpoint.Contains("127.0.0.1", StringComparison.Ordinal),
        };
        _client = CosmosConnection.CreateClient(Options);
        Tickets = await CosmosConnection.EnsureTicketsContainerAsync(_client, Options, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>This fixture, or the test is skipped, saying so by name, when no real account is configured.</summary>
    public RealCosmosFixture Required(string suite)
    {
        Assert.SkipWhen(Tickets is null, $"No real Cosmos DB: set COSMOS_TEST_ENDPOINT and COSMOS_TEST_KEY to run the {suite} against an account or emulator.");
        return this;
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The ticket store contract against a real Cosmos DB account; skipped (and says so) without one.</summary>
public sealed class RealCosmosTicketStoreTests : CosmosTicketStoreContract, IClassFixture<RealCosmosFixture>
{
    public RealCosmosTicketStoreTests(RealCosmosFixture fixture)
        : base(fixture.Required("store contract").Tickets!, fixture.Options!)
    {
    }
}
