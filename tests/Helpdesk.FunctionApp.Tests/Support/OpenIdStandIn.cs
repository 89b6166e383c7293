using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>
/// An Entra ID tenant's OpenID metadata on a loopback port (plain http), as the app reads it with
/// <c>Teams__MetadataAddress</c>: <c>/{tenant}/v2.0/.well-known/openid-configuration</c> and its JSON Web Key Set, with one
/// RSA signing key of the test. <see cref="Token"/> mints access tokens the way Entra ID issues them for Teams single
/// sign-on (v2.0: issuer <c>{authority}/{tenant}/v2.0</c>, <c>tid</c>, <c>oid</c>, <c>name</c>, <c>roles</c>), signed
/// with that key or with another one.
/// </summary>
public sealed class OpenIdStandIn : IAsyncDisposable
{
    public const string TenantId = "7d5a3c2b-1e4f-4a6b-9c8d-0e1f2a3b4c5d";
    public const string ClientId = "3f2e1d0c-9b8a-4765-a432-10fedcba9876";
    public const string ApplicationIdUri = "api://helpdesk.test/" + ClientId;
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private OpenIdStandIn(WebApplication app, RsaSecurityKey key, Uri authority)
    {
        _app = app;
        _key = key;
        Authority = authority;
    }

    /// <summary>http://127.0.0.1:{port}</summary>
    public Uri Authority { get; }

    public Uri MetadataAddress => new(Authority, $"/{TenantId}/v2.0/.well-known/openid-configuration");

    public string Issuer => $"{Authority.GetLeftPart(UriPartial.Authority)}/{TenantId}/v2.0";

    /// <summary>The app's settings for Teams single sign-on against this tenant.</summary>
    public Dictionary<string, string?> Settings(string? appId = null) => new()
    {
        ["Teams:ClientId"] = ClientId,
        ["Teams:TenantId"] = TenantId,
        ["Teams:ApplicationIdUri"] = ApplicationIdUri,
        ["Teams:MetadataAddress"] = MetadataAddress.ToString(),
        ["Teams:AppId"] = appId,
    };

    public static async Task<OpenIdStandIn> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        OpenIdStandIn? standIn = null;
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => Results.Text(new JsonObject
        {
            ["issuer"] = $"{standIn!.Authority.GetLeftPart(UriPartial.Authority)}/{tenant}/v2.0",
            ["jwks_uri"] = new Uri(standIn.Authority, $"/{tenant}/discovery/v2.0/keys").ToString(),
            ["authorization_endpoint"] = new Uri(standIn.Authority, $"/{tenant}/oauth2/v2.0/authorize").ToString(),
            ["token_endpoint"] = new Uri(standIn.Authority, $"/{tenant}/oauth2/v2.0/token").ToString(),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/{tenant}/discovery/v2.0/keys", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return Results.Text(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.KeyId,
                    ["n"] = jwk.N,
                    ["e"] = jwk.E,
                }),
            }.ToJsonString(), "application/json");
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn = new OpenIdStandIn(app, key, new Uri(address));
        return standIn;
    }

    /// <summary>An access token for the Teams tab. Each part can be made wrong for the refusal tests.</summary>
    public string Token(
        string user = "0c1d2e3f-aaaa-bbbb-cccc-000000000001",
        string name = "Ana Atendente",
        string[]? roles = null,
        string? audience = null,
        string? tenant = null,
        string? issuer = null,
        DateTimeOffset? expires = null,
        SecurityKey? signedWith = null)
    {
        var now = DateTimeOffset.UtcNow;
        var exp = expires ?? now.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience ?? ApplicationIdUri,
            IssuedAt = exp.AddHours(-1).UtcDateTime,
            NotBefore = exp.AddHours(-1).UtcDateTime,
            Expires = exp.UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                ["tid"] = tenant ?? TenantId,
                ["oid"] = user,
                ["name"] = name,
                ["preferred_username"] = "ana@contoso.gov.br",
                ["roles"] = roles ?? ["agent-l1"],
                ["scp"] = "access_as_user",
                ["ver"] = "2.0",
            },
            SigningCredentials = new SigningCredentials(signedWith ?? _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public string UnsignedToken()
    {
        var signed = Token();
        var payload = signed.Split('.')[1];
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return header + "." + payload + ".";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _key.Rsa.Dispose();
    }
}
