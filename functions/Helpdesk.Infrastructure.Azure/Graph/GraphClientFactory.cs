using Azure.Identity;
using Microsoft.Graph;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>Builds the Graph client with app-only credentials (client secret of the app registration).</summary>
public static class GraphClientFactory
{
    public static GraphServiceClient Create(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credential = new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret);
        return new GraphServiceClient(credential, ["https://graph.microsoft.com/.default"]);
    }
}
