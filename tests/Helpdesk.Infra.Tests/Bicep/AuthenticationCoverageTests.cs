using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpdesk.FunctionApp;
using Helpdesk.Infra.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Helpdesk.Infra.Tests.Bicep;

/// <summary>
/// App Service authentication in front of the app (function-app.bicep, <c>authsettingsV2</c>) against the app's own
/// routes: every anonymous route reaches the app without a sign-in, and no staff route sits on an excluded path (where
/// the platform skips the module, so a forged <c>X-MS-CLIENT-PRINCIPAL</c> would not be removed). The routes are read
/// from the built app's endpoints, so a new route is checked without touching this file.
/// </summary>
public sealed partial class AuthenticationCoverageTests
{
    [Fact]
    public async Task The_platform_lets_anonymous_requests_through_and_the_app_enforces_roles()
    {
        var validation = (await AuthSettingsAsync())["globalValidation"]!;

        Assert.False(Bool(validation["requireAuthentication"]));
        Assert.Equal("AllowAnonymous", validation["unauthenticatedClientAction"]?.GetValue<string>());
        Assert.Equal("[parameters('authExcludedPaths')]", validation["excludedPaths"]?.GetValue<string>());
    }

    [Fact]
    public async Task Every_anonymous_route_is_reachable_without_sign_in()
    {
        var platform = await PlatformAsync();
        var anonymous = AppRoutes().Where(r => r.Anonymous).ToList();

        Assert.Contains(anonymous, r => r.Pattern == "/api/graph/notifications");
        Assert.Contains(anonymous, r => r.Pattern.StartsWith("/api/surveys/", StringComparison.Ordinal));
        Assert.Contains(anonymous, r => r.Pattern == "/api/tickets" && r.Methods.Contains("POST"));
        Assert.All(anonymous, route => Assert.True(
            platform.LetsThroughAnonymously(route.SamplePath),
            $"{route.Pattern} is anonymous in the app but App Service authentication would stop an anonymous request"));
    }

    [Fact]
    public async Task No_staff_route_sits_on_an_excluded_path()
    {
        var platform = await PlatformAsync();
        var staff = AppRoutes().Where(r => !r.Anonymous).ToList();

        Assert.Contains(staff, r => r.Pattern == "/api/tickets" && r.Methods.Contains("GET")); // the list shares the intake's path
        Assert.All(staff, route => Assert.False(
            platform.Excludes(route.SamplePath),
            $"staff route {route.Pattern} is on an excluded path, where a forged principal header reaches the app"));
    }

    [Fact]
    public async Task Every_excluded_path_is_a_wildcard_or_exact_entry_that_covers_an_anonymous_route()
    {
        var platform = await PlatformAsync();
        var anonymous = AppRoutes().Where(r => r.Anonymous).ToList();

        Assert.NotEmpty(platform.ExcludedPaths);
        Assert.All(platform.ExcludedPaths, entry =>
        {
            Assert.Matches(ExcludedEntry(), entry);
            Assert.True(anonymous.Any(r => Platform.Matches(entry, r.SamplePath)), $"excluded path {entry} matches no anonymous route");
        });
        // The routes whose paths carry a variable part are covered by wildcard entries, not by one exact path.
        Assert.True(platform.Excludes("/api/surveys/abc.def"));
        Assert.True(platform.Excludes("/api/mailbox/messages"));
        Assert.True(platform.Excludes("/api/app/assets/site.css"));
    }

    private static async Task<JsonObject> AuthSettingsAsync()
    {
        var template = await CompiledInfra.Main;
        var auth = Assert.Single(template.OfType("Microsoft.Web/sites/config"), r => r.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));
        return auth.Properties;
    }

    private static async Task<Platform> PlatformAsync()
    {
        var template = await CompiledInfra.Main;
        var validation = (await AuthSettingsAsync())["globalValidation"]!;
        var excluded = template.Root["parameters"]?["authExcludedPaths"]?["defaultValue"]?.AsArray().Select(p => p!.GetValue<string>()).ToList()
            ?? throw new Xunit.Sdk.XunitException("main.bicep has no default for authExcludedPaths");
        return new Platform(
            Bool(validation["requireAuthentication"]),
            validation["unauthenticatedClientAction"]?.GetValue<string>() ?? "",
            excluded);
    }

    /// <summary>What App Service authentication does with an anonymous request to a path: an excluded path
    /// (exact, or a prefix written <c>/prefix/*</c>) skips the module; otherwise the unauthenticated action decides.</summary>
    private sealed record Platform(bool RequireAuthentication, string UnauthenticatedAction, IReadOnlyList<string> ExcludedPaths)
    {
        public bool Excludes(string path) => ExcludedPaths.Any(entry => Matches(entry, path));

        public bool LetsThroughAnonymously(string path) =>
            Excludes(path) || (!RequireAuthentication && UnauthenticatedAction == "AllowAnonymous");

        public static bool Matches(string entry, string path) =>
            entry.EndsWith("/*", StringComparison.Ordinal)
                ? path.StartsWith(entry[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(entry, path, StringComparison.OrdinalIgnoreCase);
    }

    private sealed record AppRoute(string Pattern, bool Anonymous, IReadOnlySet<string> Methods)
    {
        /// <summary>A concrete path the route answers: each parameter replaced by a plain segment.</summary>
        public string SamplePath => Parameter().Replace(Pattern, "x");
    }

    /// <summary>The app's routes under /api (the only ones the Functions host forwards), each staff or anonymous as the
    /// app's authorization decides: anonymous when it carries no authorization requirement or allows anonymous.</summary>
    private static List<AppRoute> AppRoutes()
    {
        var data = Directory.CreateTempSubdirectory("helpdesk-routes-");
        try
        {
            var app = HelpdeskApp.Build(["--urls", "http://127.0.0.1:0", "--Helpdesk:DataDirectory", data.FullName, "--environment", "Development"]);
            var routes = ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(d => d.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.Trim('/'), Endpoint: e))
                .Where(e => e.Pattern.StartsWith("/api/", StringComparison.Ordinal))
                .Select(e => new AppRoute(
                    e.Pattern,
                    e.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null || e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).ToHashSet(StringComparer.Ordinal)))
                .ToList();
            Assert.True(routes.Count > 20, $"only {routes.Count} routes found: the app's endpoints were not read");
            return routes;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^/api/[a-z0-9./-]+(/\*)?$")]
    private static partial Regex ExcludedEntry();

    private static bool Bool(JsonNode? node) => node?.GetValue<bool>() ?? throw new Xunit.Sdk.XunitException("expected a literal boolean");
}
