using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Helpdesk.Application.Identity;
using Helpdesk.FunctionApp.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.Identity;

public sealed class HelpdeskAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Accept <c>X-Dev-Role</c>/<c>X-Dev-User</c> (Development environment, embedded mode only).</summary>
    public bool DevelopmentSignInEnabled { get; set; }

    /// <summary>Trust <c>X-MS-CLIENT-PRINCIPAL</c> (only under the Functions host with App Service authentication on).</summary>
    public bool EasyAuthEnabled { get; set; }
}

/// <summary>
/// Signs staff in from what is in front of the app: App Service authentication's <c>X-MS-CLIENT-PRINCIPAL</c> in Azure,
/// or the development headers locally (docs/decisions/ADR-004-identity.md says when each is trusted). Answers 401 and
/// 403 as problem details in pt-BR.
/// </summary>
public sealed class HelpdeskAuthenticationHandler(IOptionsMonitor<HelpdeskAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, DevelopmentSignIn developmentSignIn, TeamsSessions teamsSessions)
    : AuthenticationHandler<HelpdeskAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "Helpdesk";
    public const string DevRoleHeader = "X-Dev-Role";
    public const string DevUserHeader = "X-Dev-User";
    public const string DevRoleCookie = "helpdesk-dev-role";
    public const string DevUserCookie = "helpdesk-dev-user";
    public const string EasyAuthHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string RoleClaim = "roles";
    public const string UserIdClaim = "sub";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Options.EasyAuthEnabled && Request.Headers[EasyAuthHeader].ToString() is { Length: > 0 } principal)
        {
            return Task.FromResult(FromEasyAuth(principal));
        }

        if (teamsSessions.Enabled && Request.Cookies.TryGetValue(TeamsSessions.CookieName, out var session))
        {
            // The Teams tab's session (issue 22); an expired or altered one is no identity, and the challenge sends the
            // tab back to its page, which exchanges a new Teams token silently.
            if (teamsSessions.Read(session) is { } identity)
            {
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
            }
        }

        if (developmentSignIn.IsEnabled)
        {
            var role = Request.Headers[DevRoleHeader].ToString();
            var user = Request.Headers[DevUserHeader].ToString();
            if (role.Length == 0 && Request.Cookies.TryGetValue(DevRoleCookie, out var cookieRole))
            {
                role = cookieRole;
                user = Request.Cookies.TryGetValue(DevUserCookie, out var cookieUser) ? cookieUser : string.Empty;
            }

            if (role.Length > 0)
            {
                return Task.FromResult(FromDevelopmentHeaders(role, user));
            }
        }

        return Task.FromResult(AuthenticateResult.NoResult());
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Web.WebRoutes.IsWebPath(Request.Path) && HttpMethods.IsGet(Request.Method))
        {
            // A person in a browser (or a Teams tab): send them to sign in, then back here.
            var back = Request.PathBase + Request.Path + Request.QueryString;
            if (teamsSessions.Enabled && Request.Cookies.ContainsKey(TeamsSessions.CookieName))
            {
                // Inside the Teams tab (it has had a session): sign in again through Teams, not through a page Teams cannot frame.
                Response.Redirect(Web.WebRoutes.TeamsTab + "?next=" + Uri.EscapeDataString(back));
                return;
            }

            if (Options.EasyAuthEnabled)
            {
                Response.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(back));
                return;
            }

            if (developmentSignIn.IsEnabled)
            {
                Response.Redirect(Web.WebRoutes.DevSignIn + "?returnUrl=" + Uri.EscapeDataString(back));
                return;
            }
        }

        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var detail = result.Failure?.Message ?? "Entre com sua conta institucional para usar esta função.";
        await Problems.Unauthorized(detail).ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Forbidden("Seu perfil não permite esta ação.").ExecuteAsync(Context);

    private AuthenticateResult FromDevelopmentHeaders(string roleText, string? user)
    {
        var roles = roleText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (roles.Length == 0 || !roles.All(Roles.IsKnown))
        {
            return AuthenticateResult.Fail($"Perfil de desenvolvimento desconhecido. Use um destes: {string.Join(", ", Roles.All)}.");
        }

        var userId = string.IsNullOrWhiteSpace(user) ? "dev-" + roles[0] : user.Trim();
        if (userId.Length > 100)
        {
            return AuthenticateResult.Fail("X-Dev-User tem mais de 100 caracteres.");
        }

        var claims = new List<Claim> { new(UserIdClaim, userId), new(ClaimTypes.Name, userId) };
        claims.AddRange(roles.Select(r => new Claim(RoleClaim, r)));
        return Success(claims, "development");
    }

    /// <summary>App Service authentication's principal: base64 JSON <c>{auth_typ, name_typ, role_typ, claims: [{typ, val}]}</c>.</summary>
    private AuthenticateResult FromEasyAuth(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(header));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.GetString() is { Length: > 0 } r ? r : "roles";
            var nameType = root.TryGetProperty("name_typ", out var nt) && nt.GetString() is { Length: > 0 } n ? n : ClaimTypes.Name;
            var pairs = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString() ?? string.Empty, Value: c.GetProperty("val").GetString() ?? string.Empty))
                .ToList();
            var userId = Find(pairs, "http://schemas.microsoft.com/identity/claims/objectidentifier") ?? Find(pairs, "oid")
                ?? Find(pairs, nameType) ?? Find(pairs, "preferred_username");
            if (userId is null)
            {
                return AuthenticateResult.Fail("A identidade recebida não tem identificador de usuário.");
            }

            var claims = new List<Claim> { new(UserIdClaim, userId), new(ClaimTypes.Name, Find(pairs, "name") ?? Find(pairs, nameType) ?? userId) };
            claims.AddRange(pairs.Where(p => (p.Type == roleType || p.Type == "roles" || p.Type == ClaimTypes.Role) && Roles.IsKnown(p.Value))
                .Select(p => p.Value).Distinct(StringComparer.Ordinal).Select(v => new Claim(RoleClaim, v)));
            return Success(claims, "easyauth");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return AuthenticateResult.Fail("A identidade recebida do App Service é ilegível.");
        }
    }

    private static string? Find(List<(string Type, string Value)> pairs, string type) =>
        pairs.FirstOrDefault(p => string.Equals(p.Type, type, StringComparison.Ordinal) && p.Value.Length > 0).Value;

    private AuthenticateResult Success(List<Claim> claims, string authenticationType)
    {
        var identity = new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    internal static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
