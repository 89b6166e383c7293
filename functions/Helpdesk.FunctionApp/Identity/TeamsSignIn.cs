using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Survey;
using Helpdesk.FunctionApp.Api;
using Helpdesk.FunctionApp.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.FunctionApp.Identity;

/// <summary>
/// Teams single sign-on for the tab (issue 22): the app registration that Teams asks for a token
/// (<c>webApplicationInfo</c> of the manifest), read from <c>Teams__ClientId</c>, <c>Teams__TenantId</c> and
/// <c>Teams__ApplicationIdUri</c>. Null settings (no client id) switch the tab sign-in off; nothing else changes.
/// </summary>
public sealed class TeamsSignInOptions
{
    /// <summary>The Entra app registration's application (client) id.</summary>
    public required string ClientId { get; init; }

    /// <summary>The tenant whose users may sign in (a GUID).</summary>
    public required string TenantId { get; init; }

    /// <summary>The registration's Application ID URI, <c>api://{host}/{clientId}</c>: the token's audience.</summary>
    public required string ApplicationIdUri { get; init; }

    /// <summary>Where the tenant's OpenID metadata (issuer, signing keys) is read. Default: Entra ID's v2.0 document of the
    /// tenant; a national cloud's, or (plain http) a loopback stand-in in tests.</summary>
    public required Uri MetadataAddress { get; init; }

    /// <summary>The Teams app's id (the manifest's <c>id</c>, <c>Teams__AppId</c>): when set, cards link into the tab.</summary>
    public string? AppId { get; init; }

    /// <summary>How long the tab's session lasts before the tab exchanges a new Teams token (silently).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>The issuers Entra ID uses for the tenant's access tokens: v2.0 tokens name the authority of the metadata
    /// (login.microsoftonline.com, or a national cloud's), v1.0 tokens the security token service.</summary>
    public IReadOnlyList<string> Issuers =>
    [
        $"{MetadataAddress.GetLeftPart(UriPartial.Authority)}/{TenantId}/v2.0",
        $"https://sts.windows.net/{TenantId}/",
    ];

    public static TeamsSignInOptions? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("Teams");
        if (EdgeAdapters.NullIfBlank(section["ClientId"]) is not { } clientId)
        {
            return null;
        }

        if (!Guid.TryParse(clientId, out _))
        {
            throw new StartupConfigurationException("Teams__ClientId must be the app registration's application (client) id, a GUID.");
        }

        if (!Guid.TryParse(section["TenantId"], out var tenant))
        {
            throw new StartupConfigurationException("Teams__TenantId must be the directory (tenant) id, a GUID, when Teams__ClientId is set.");
        }

        var applicationIdUri = EdgeAdapters.NullIfBlank(section["ApplicationIdUri"]);
        if (applicationIdUri is null || !applicationIdUri.StartsWith("api://", StringComparison.Ordinal) || !applicationIdUri.EndsWith("/" + clientId, StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupConfigurationException($"Teams__ApplicationIdUri must be the registration's Application ID URI, api://<host>/{clientId}.");
        }

        var metadata = EdgeAdapters.NullIfBlank(section["MetadataAddress"]) is { } address
            ? EdgeAdapters.AbsoluteUri("Teams__MetadataAddress", address, allowHttp: EdgeAdapters.IsLoopback(address))
            : new Uri($"https://login.microsoftonline.com/{tenant:D}/v2.0/.well-known/openid-configuration");
        var appId = EdgeAdapters.NullIfBlank(section["AppId"]);
        if (appId is not null && !Guid.TryParse(appId, out _))
        {
            throw new StartupConfigurationException("Teams__AppId must be the Teams app's id (the manifest's id, a GUID).");
        }

        return new TeamsSignInOptions
        {
            ClientId = clientId,
            TenantId = tenant.ToString("D"),
            ApplicationIdUri = applicationIdUri,
            MetadataAddress = metadata,
            AppId = appId,
        };
    }
}

/// <summary>
/// The tab's session: after the tab page exchanged a Teams token at <see cref="Route"/>, a cookie carrying the signed-in
/// agent (id, name, roles, expiry) signed with HMAC-SHA256. The cookie is <c>Secure; SameSite=None; Partitioned</c>
/// (CHIPS), so that the browser keeps it for the app inside the Teams frame of another site even where third-party
/// cookies are blocked, and <c>HttpOnly</c>. Its key is derived (HKDF) from the survey signing key with its own label:
/// one secret in Key Vault, two separate keys; every instance of the app reads the same one (docs/decisions/ADR-005).
/// </summary>
public sealed partial class TeamsSessions
{
    public const string Route = Web.WebRoutes.Prefix + "/teams/session";
    public const string CookieName = "helpdesk.teams";
    public const string Scheme = "TeamsSso";
    private static readonly byte[] KeyLabel = "helpdesk/teams-session/v1"u8.ToArray();
    private readonly byte[]? _key;
    private readonly TimeProvider _clock;

    public TeamsSessions(TeamsSignInOptions? options, IOptions<SurveyOptions> survey, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(survey);
        Options = options;
        _clock = clock;
        if (options is not null)
        {
            _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(survey.Value.SigningKey), 32, salt: [], info: KeyLabel);
        }
    }

    public TeamsSignInOptions? Options { get; }

    public bool Enabled => Options is not null;

    /// <summary>The cookie value for a signed-in agent, valid for <see cref="TeamsSignInOptions.SessionLifetime"/>.</summary>
    public string Issue(string userId, string name, IReadOnlyList<string> roles)
    {
        var key = _key ?? throw new InvalidOperationException("Teams sign-in is not configured.");
        var payload = new SessionPayload(userId, name, [.. roles], _clock.GetUtcNow().Add(Options!.SessionLifetime).ToUnixTimeSeconds());
        var body = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(payload, SessionJson.Default.SessionPayload));
        return body + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)));
    }

    /// <summary>The agent of a cookie value, or null when it is not one of ours, was altered, or has expired.</summary>
    public ClaimsIdentity? Read(string value)
    {
        if (_key is null || value.Split('.') is not [var body, var signature])
        {
            return null;
        }

        try
        {
            var expected = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(body));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64UrlEncoder.DecodeBytes(signature)))
            {
                return null;
            }

            var payload = JsonSerializer.Deserialize(Base64UrlEncoder.DecodeBytes(body), SessionJson.Default.SessionPayload);
            if (payload is null || DateTimeOffset.FromUnixTimeSeconds(payload.Expires) <= _clock.GetUtcNow())
            {
                return null;
            }

            var claims = new List<Claim> { new(HelpdeskAuthenticationHandler.UserIdClaim, payload.Sub), new(ClaimTypes.Name, payload.Name) };
            claims.AddRange(payload.Roles.Where(Roles.IsKnown).Select(r => new Claim(HelpdeskAuthenticationHandler.RoleClaim, r)));
            return new ClaimsIdentity(claims, "teams", ClaimTypes.Name, HelpdeskAuthenticationHandler.RoleClaim);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The session cookie's attributes: first-party only in name, it must travel inside a cross-site frame.</summary>
    public static CookieOptions CookieOptions(DateTimeOffset expires)
    {
        var options = new CookieOptions
        {
            HttpOnly = true,
            Secure = true,
            SameSite = SameSiteMode.None,
            Path = "/api",
            Expires = expires,
        };
        options.Extensions.Add("Partitioned");
        return options;
    }

    /// <summary>The JwtBearer scheme that validates the token the tab got from Teams: signature (keys of the tenant's
    /// OpenID metadata), issuer (the tenant), audience (the Application ID URI or the client id), lifetime; signed RS256
    /// tokens only (no <c>alg: none</c>).</summary>
    public static void AddScheme(AuthenticationBuilder authentication, TeamsSignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(options);
        authentication.AddJwtBearer(Scheme, o =>
        {
            o.MetadataAddress = options.MetadataAddress.ToString();
            o.RequireHttpsMetadata = options.MetadataAddress.Scheme == Uri.UriSchemeHttps;
            o.MapInboundClaims = false;
            o.SaveToken = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = options.Issuers,
                ValidAudiences = [options.ApplicationIdUri, options.ClientId],
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                ClockSkew = TimeSpan.FromMinutes(2),
                NameClaimType = "name",
                RoleClaimType = "roles",
            };
            o.Events = new JwtBearerEvents
            {
                // The exchange answers its own problem details; the scheme only validates.
                OnChallenge = context =>
                {
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary><c>POST /api/app/teams/session</c> with <c>Authorization: Bearer {token from authentication.getAuthToken()}</c>:
    /// 204 and the session cookie; 401 problem details for a token that is refused; 403 for an account without a role.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(Route, ExchangeAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, TeamsSessions sessions, ILoggerFactory loggers)
    {
        if (!sessions.Enabled)
        {
            return Problems.NotFound("O acesso pelo Teams não está configurado nesta instalação.");
        }

        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        var log = loggers.CreateLogger("Helpdesk.Identity");
        if (!result.Succeeded || result.Principal is not { } principal)
        {
            LogRefused(log, result.Failure?.GetType().Name ?? "no token");
            return Problems.Unauthorized("O token do Teams foi recusado. Feche e abra a aba de novo; se persistir, fale com o administrador.");
        }

        var tenant = principal.FindFirst("tid")?.Value;
        var userId = principal.FindFirst("oid")?.Value;
        if (!string.Equals(tenant, sessions.Options!.TenantId, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(userId))
        {
            LogRefused(log, "tenant or user id");
            return Problems.Unauthorized("O token do Teams não é de uma conta desta organização.");
        }

        // App roles, as App Service authentication maps them: the "roles" claim, only our known roles.
        var roles = principal.FindAll("roles").Select(c => c.Value).Where(Roles.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            return Problems.Forbidden("Sua conta não tem um perfil nesta aplicação. Peça ao administrador um perfil (agente, supervisão, ...).");
        }

        var name = principal.FindFirst("name")?.Value ?? principal.FindFirst("preferred_username")?.Value ?? userId;
        var value = sessions.Issue(userId, name, roles);
        context.Response.Cookies.Append(CookieName, value, CookieOptions(sessions._clock.GetUtcNow().Add(sessions.Options.SessionLifetime)));
        context.Response.Headers.CacheControl = "no-store";
        return Results.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Teams token was refused at the exchange ({Reason})")]
    private static partial void LogRefused(ILogger logger, string reason);

    internal sealed record SessionPayload(
        [property: JsonPropertyName("sub")] string Sub,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("roles")] string[] Roles,
        [property: JsonPropertyName("exp")] long Expires);

    [JsonSerializable(typeof(SessionPayload))]
    internal sealed partial class SessionJson : JsonSerializerContext;
}
