using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>
/// Builds the Graph client with app-only credentials (client secret of the app registration), at
/// <see cref="GraphOptions.BaseUrl"/> and <see cref="GraphOptions.AuthorityHost"/> when set. Two library rules shape it:
/// the Graph SDK attaches the token only to the hosts it is told to trust (by default Microsoft's Graph hosts), so the
/// configured host is added to them; and Azure.Identity and MSAL refuse a plain-http authority ("must use HTTPS"), so a
/// loopback http authority (a local stand-in) gets the client-credentials request from <see cref="ClientCredentialsToken"/>.
/// </summary>
public static class GraphClientFactory
{
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    /// <summary>Microsoft's Graph hosts, as the SDK trusts them by default (global and national clouds).</summary>
    private static readonly string[] MicrosoftHosts =
    [
        "graph.microsoft.com", "graph.microsoft.us", "dod-graph.microsoft.us", "graph.microsoft.de", "microsoftgraph.chinacloudapi.cn", "canary.graph.microsoft.com",
    ];

    public static GraphServiceClient Create(GraphOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credential = Credential(options, http);
        var baseUrl = options.BaseUrl?.ToString().TrimEnd('/') ?? DefaultBaseUrl;
        var provider = new AzureIdentityAuthenticationProvider(credential, AllowedHosts(options), scopes: [Scope(options)]);
        return http is null ? new GraphServiceClient(provider, baseUrl) : new GraphServiceClient(http, provider, baseUrl);
    }

    /// <summary>The hosts the token is attached to: Microsoft's, plus the configured Graph host.</summary>
    public static string[] AllowedHosts(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.BaseUrl is { } baseUrl && !MicrosoftHosts.Contains(baseUrl.Host, StringComparer.OrdinalIgnoreCase)
            ? [.. MicrosoftHosts, baseUrl.Host]
            : MicrosoftHosts;
    }

    /// <summary>The app-only scope: <c>{Graph resource}/.default</c> (the global resource for a loopback stand-in).</summary>
    public static string Scope(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.BaseUrl is { } baseUrl && MicrosoftHosts.Contains(baseUrl.Host, StringComparer.OrdinalIgnoreCase)
            ? $"https://{baseUrl.Host}/.default"
            : "https://graph.microsoft.com/.default";
    }

    public static TokenCredential Credential(GraphOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AuthorityHost is { } authority && authority.Scheme == Uri.UriSchemeHttp)
        {
            return new ClientCredentialsToken(http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, authority, options.TenantId!, options.ClientId!, options.ClientSecret!);
        }

        var credentialOptions = new ClientSecretCredentialOptions();
        if (options.AuthorityHost is { } host)
        {
            credentialOptions.AuthorityHost = host;
            credentialOptions.DisableInstanceDiscovery = true; // a configured authority is trusted as given
        }

        return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, credentialOptions);
    }
}
