using Microsoft.Azure.Cosmos;

namespace Helpdesk.Benchmarks.Cosmos;

/// <summary>Where the suite's clients go: the loopback server, or a real account (<c>COSMOS_TEST_ENDPOINT</c> and
/// <c>COSMOS_TEST_KEY</c>, as the Infrastructure tests name them).</summary>
public sealed record CosmosTarget(Uri Endpoint, string Key, bool Loopback)
{
    /// <summary>A client of its own (as a scaled-out instance has), its requests recorded in <paramref name="ledger"/>;
    /// the same options as the app's (CosmosConnection): gateway mode and the self-signed certificate on loopback only.</summary>
    public CosmosClient NewClient(RequestLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var options = new CosmosClientOptions
        {
            ApplicationName = "helpdesk-benchmark",
            EnableContentResponseOnWrite = false,
            MaxRetryAttemptsOnRateLimitedRequests = 9,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(30),
        };
        if (Loopback)
        {
            options.ConnectionMode = ConnectionMode.Gateway;
            options.LimitToEndpoint = true;
            options.HttpClientFactory = () => new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        }

        options.CustomHandlers.Add(ledger.NewHandler());
        return new CosmosClient(Endpoint.ToString(), Key, options);
    }

    public Helpdesk.Infrastructure.Azure.Cosmos.CosmosOptions Options(string database) => new()
    {
        AccountEndpoint = Endpoint,
        AccountKey = Key,
        DatabaseName = database,
        Emulator = Loopback,
    };
}
