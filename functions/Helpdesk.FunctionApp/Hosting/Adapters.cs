namespace Helpdesk.FunctionApp.Hosting;

/// <summary>Which adapters serve the ports: the SQLite file of the embedded defaults, or Cosmos DB in Azure.</summary>
public enum AdapterMode
{
    /// <summary>SQLite (WAL) under the data folder; <see cref="EmbeddedAdapters"/>.</summary>
    Embedded,

    /// <summary>Cosmos DB (<c>CosmosDb__accountEndpoint</c> set; only under the Functions host); <see cref="AzureAdapters"/>.</summary>
    Azure,
}

/// <summary>
/// The one place that decides which adapters serve the ports. It validates the adapters' settings (the formats of
/// <see cref="SettingFormats"/>, then Cosmos DB, report storage, Microsoft Graph, Teams and Service Bus, in that order),
/// chooses the mode once (<c>CosmosDb__accountEndpoint</c> set: <see cref="AdapterMode.Azure"/>), and lets
/// <see cref="EmbeddedAdapters"/> or <see cref="AzureAdapters"/> register every port exactly once.
/// The technologies at the edges (Blob storage or a folder, Graph or the local mailbox, the Teams webhook or files,
/// Service Bus or the outbox for dead letters) keep their own settings in either mode: <see cref="EdgeAdapters"/>.
/// </summary>
public static class Adapters
{
    public static AdapterMode Add(IServiceCollection services, IConfiguration configuration, HostingMode hosting, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SettingFormats.Validate(configuration);
        var cosmos = AzureAdapters.ReadCosmosOptions(configuration, hosting);
        var edges = EdgeAdapters.Read(configuration, hosting, dataDirectory);
        if (cosmos is null)
        {
            EmbeddedAdapters.Add(services, dataDirectory, edges);
            return AdapterMode.Embedded;
        }

        AzureAdapters.Add(services, dataDirectory, cosmos, edges);
        return AdapterMode.Azure;
    }
}
