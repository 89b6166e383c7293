using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.FunctionApp.Web;

namespace Helpdesk.Web.Tests.Infrastructure;

/// <summary>Every page says: no inline scripts, framing only by the app itself and Teams, no sniffing, no full referrers.</summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/api/app/request")]
    [InlineData("/api/app/dev-sign-in")]
    [InlineData("/api/tickets/20260000001")]
    public async Task Pages_and_api_answers_carry_the_security_headers_and_no_x_frame_options(string path)
    {
        using var response = await _app.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.skype.com https://*.cloud.microsoft", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("X-Frame-Options"), "X-Frame-Options would forbid the Teams tab");
    }

    [Fact]
    public async Task The_stylesheet_is_served_from_under_the_route_prefix_and_cached_by_its_hash()
    {
        var url = WebAssets.Url("site.css");
        Assert.StartsWith("/api/app/assets/site.css?v=", url, StringComparison.Ordinal);

        using var response = await _app.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}
