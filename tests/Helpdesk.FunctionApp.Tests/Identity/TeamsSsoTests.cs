using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.FunctionApp.Tests.Identity;

/// <summary>
/// Issue 22: the Teams tab's token exchange. The app validates the token Teams gives the tab itself (keys from the
/// tenant's OpenID metadata, here a loopback stand-in with a test key) and answers a session cookie that works inside a
/// cross-site frame; every kind of bad token is refused, and the session then signs the agent in with their app roles.
/// The app runs as under the Functions host with App Service authentication on, as in Azure.
/// </summary>
public sealed class TeamsSsoTests : IAsyncLifetime
{
    private OpenIdStandIn _tenant = null!;
    private RunningApp _app = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _tenant = await OpenIdStandIn.StartAsync();
        var settings = _tenant.Settings();
        settings["WEBSITE_AUTH_ENABLED"] = "true";
        _app = await RunningApp.StartAsync(asFunctionsHost: true, settings: settings);
        // Cookies and redirects by hand: what the server sets and answers is what is asserted.
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    private async Task<HttpResponseMessage> ExchangeAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/app/teams/session", UriKind.Relative))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request, Ct);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await _http.SendAsync(request, Ct);
    }

    private static string SessionCookie(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith("helpdesk.teams=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    [Fact]
    public async Task A_valid_teams_token_is_exchanged_for_a_partitioned_session_cookie_that_signs_the_agent_in_with_their_roles()
    {
        using var exchanged = await ExchangeAsync(_tenant.Token(roles: ["agent-l2", "not-a-role-of-ours"]));

        Assert.Equal(HttpStatusCode.NoContent, exchanged.StatusCode);
        var header = Assert.Single(exchanged.Headers.GetValues("Set-Cookie"), h => h.StartsWith("helpdesk.teams=", StringComparison.Ordinal));
        var attributes = header.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=none", attributes);
        Assert.Contains("partitioned", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/api", attributes);

        using var me = await GetWithCookieAsync("/api/me", SessionCookie(exchanged));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("0c1d2e3f-aaaa-bbbb-cccc-000000000001", body.GetProperty("userId").GetString());
        Assert.Equal("Ana Atendente", body.GetProperty("displayName").GetString());
        Assert.Equal(["agent-l2"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToArray());

        using var queue = await GetWithCookieAsync("/api/app/tickets", SessionCookie(exchanged));
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    public static TheoryData<string> Refusals => ["expired", "wrong-audience", "wrong-tenant", "wrong-issuer", "unsigned", "other-key", "garbage", "none"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_refused_with_401_problem_details_and_no_cookie(string kind)
    {
        using var otherKey = RSA.Create(2048);
        var token = kind switch
        {
            "expired" => _tenant.Token(expires: DateTimeOffset.UtcNow.AddMinutes(-10)),
            "wrong-audience" => _tenant.Token(audience: "api://elsewhere.example/" + OpenIdStandIn.ClientId),
            "wrong-tenant" => _tenant.Token(tenant: "11111111-2222-3333-4444-555555555555", issuer: $"{_tenant.Authority.GetLeftPart(UriPartial.Authority)}/11111111-2222-3333-4444-555555555555/v2.0"),
            "wrong-issuer" => _tenant.Token(tenant: "11111111-2222-3333-4444-555555555555"), // issuer of our tenant, tid of another
            "unsigned" => _tenant.UnsignedToken(),
            "other-key" => _tenant.Token(signedWith: new RsaSecurityKey(otherKey) { KeyId = "test-key-1" }),
            "garbage" => "not.a.token",
            _ => null,
        };

        using var response = await ExchangeAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("helpdesk.teams=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_account_without_a_role_of_ours_is_refused_with_403()
    {
        using var response = await ExchangeAsync(_tenant.Token(roles: []));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("helpdesk.teams=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_altered_session_cookie_signs_nobody_in_and_a_page_sends_the_tab_back_to_its_sign_in()
    {
        using var exchanged = await ExchangeAsync(_tenant.Token(roles: ["agent-l1"]));
        var cookie = SessionCookie(exchanged);
        var (body, signature) = (cookie["helpdesk.teams=".Length..].Split('.')[0], cookie.Split('.')[1]);
        // The payload with a role the agent does not have, under the old signature.
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.DecodeBytes(body))!;
        var forged = Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(new { sub = payload["sub"].GetString(), name = "x", roles = new[] { "admin" }, exp = payload["exp"].GetInt64() }));

        using var api = await GetWithCookieAsync("/api/me", $"helpdesk.teams={forged}.{signature}");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);

        using var page = await GetWithCookieAsync("/api/app/tickets?view=all", $"helpdesk.teams={forged}.{signature}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/api/app/teams?next=%2Fapi%2Fapp%2Ftickets%3Fview%3Dall", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_tab_page_is_public_and_works_as_a_plain_link_to_the_queue()
    {
        using var response = await _http.GetAsync(new Uri("/api/app/teams?next=https://evil.example/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("href=\"/api/app\"", html, StringComparison.Ordinal); // the link, and never another site
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Contains("/api/app/assets/teams-js.min.js?v=", html, StringComparison.Ordinal); // served by the app, no CDN
    }
}
