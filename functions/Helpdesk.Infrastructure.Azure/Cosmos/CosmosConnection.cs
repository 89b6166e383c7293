using System.Net;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>Builds the one <see cref="CosmosClient"/> of the app (a singleton, as the SDK advises).</summary>
public static class CosmosConnection
{
    public static CosmosClient CreateClient(CosmosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.AccountEndpoint ?? throw new InvalidOperationException("CosmosDb__accountEndpoint is not set.");
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "helpdesk",
            // 429s are retried by the SDK itself (these are its defaults, written out so that they are visible).
            MaxRetryAttemptsOnRateLimitedRequests = 9,
            MaxRetryWaitTimeOnRateLimitedRequests = TimeSpan.FromSeconds(30),
            EnableContentResponseOnWrite = false,
        };
        if (options.Emulator)
        {
            clientOptions.ConnectionMode = ConnectionMode.Gateway;
            clientOptions.LimitToEndpoint = true;
            clientOptions.HttpClientFactory = () => new HttpClient(new HttpClientHandler
            {
                // Emulators serve a self-signed certificate; never set outside tests and local emulators.
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        return options.AccountKey is { Length: > 0 } key
            ? new CosmosClient(endpoint.ToString(), key, clientOptions)
            : new CosmosClient(endpoint.ToString(), new DefaultAzureCredential(), clientOptions);
    }

    /// <summary>The tickets container's indexing policy (docs/cosmos-data-model.md), from the file that
    /// infra/app/cosmos.bicep deploys too: everything but the bulky history, outbox and search text, plus the composite
    /// indexes of the agents' lists.</summary>
    public static void ApplyIndexingPolicy(ContainerProperties properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        using var stream = typeof(CosmosConnection).Assembly.GetManifestResourceStream("tickets-indexing-policy.json")
            ?? throw new InvalidOperationException("The tickets indexing policy is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        properties.IndexingPolicy = Newtonsoft.Json.JsonConvert.DeserializeObject<IndexingPolicy>(reader.ReadToEnd())
            ?? throw new InvalidOperationException("The tickets indexing policy is empty.");
    }

    /// <summary>Creates the database and the containers when the app may (key-based access: emulators and tests).
    /// In Azure, Bicep creates them and the app's identity has data-plane rights only.</summary>
    public static async Task<Container> EnsureTicketsContainerAsync(CosmosClient client, CosmosOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        Database database = (await client.CreateDatabaseIfNotExistsAsync(options.DatabaseName, cancellationToken: cancellationToken).ConfigureAwait(false)).Database;
        var properties = new ContainerProperties(options.TicketsContainer, "/pk");
        ApplyIndexingPolicy(properties);
        var response = await database.CreateContainerIfNotExistsAsync(properties, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new CosmosStoreException($"Could not create the container {options.TicketsContainer}: {response.StatusCode}.");
        }

        _ = await database.CreateContainerIfNotExistsAsync(new ContainerProperties("leases", "/id"), cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Container;
    }
}
