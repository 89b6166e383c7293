using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Azure.Core;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>
/// The OAuth 2.0 client-credentials request (<c>POST {authority}/{tenant}/oauth2/v2.0/token</c>), made by the app itself
/// for a plain-http loopback authority, which Azure.Identity and MSAL refuse. The token is kept until five minutes
/// before it expires. Only <see cref="GraphClientFactory"/> uses it, and only for loopback addresses.
/// </summary>
public sealed class ClientCredentialsToken(HttpClient http, Uri authority, string tenantId, string clientId, string clientSecret) : TokenCredential
{
    private AccessToken? _cached; // two concurrent refreshes both ask; harmless

    public Uri TokenEndpoint { get; } = new(authority, $"{Uri.EscapeDataString(tenantId)}/oauth2/v2.0/token");

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.ExpiresOn - DateTimeOffset.UtcNow > TimeSpan.FromMinutes(5))
        {
            return cached;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
            ["scope"] = string.Join(' ', requestContext.Scopes),
        });
        using var response = await http.PostAsync(TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new global::Azure.Identity.AuthenticationFailedException($"The token endpoint {TokenEndpoint} answered {(int)response.StatusCode}.");
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken).ConfigureAwait(false);
        if (token?.AccessToken is not { Length: > 0 } accessToken)
        {
            throw new global::Azure.Identity.AuthenticationFailedException($"The token endpoint {TokenEndpoint} gave no access_token.");
        }

        var fresh = new AccessToken(accessToken, DateTimeOffset.UtcNow.AddSeconds(token.ExpiresIn is > 0 ? token.ExpiresIn.Value : 3600));
        _cached = fresh;
        return fresh;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}
