using Helpdesk.Infrastructure.Azure.Cosmos;
using Microsoft.AspNetCore.Builder;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>The app as the Functions host runs it in Azure with Cosmos DB: the account of the given options
/// (the loopback server), staff signed in through App Service authentication, and its own local data folder.</summary>
public static class CosmosHostedApp
{
    public static Task<RunningApp> StartAsync(CosmosOptions options, string dataDirectory, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return RunningApp.StartAsync(
            asFunctionsHost: true,
            settings: new Dictionary<string, string?>
            {
                ["CosmosDb:accountEndpoint"] = options.AccountEndpoint!.ToString(),
                ["CosmosDb:accountKey"] = options.AccountKey,
                ["CosmosDb:databaseName"] = options.DatabaseName,
                ["WEBSITE_AUTH_ENABLED"] = "true", // staff sign in through App Service authentication, as in Azure
            },
            dataDirectory: dataDirectory,
            configure: configure);
    }
}
