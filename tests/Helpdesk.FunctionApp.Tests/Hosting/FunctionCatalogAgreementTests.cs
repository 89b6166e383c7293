using System.Text.Json;
using Helpdesk.Hosting.Metadata;
using Helpdesk.Cli;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Helpdesk.FunctionApp.Tests.Hosting;

/// <summary>The function.json files written by <c>helpdesk functions</c> and the server's endpoints come from one
/// declaration and agree with each other.</summary>
public sealed class FunctionCatalogAgreementTests : IAsyncLifetime
{
    private RunningApp _app = null!;
    private string _out = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await RunningApp.StartAsync(asFunctionsHost: true);
        _out = Path.Combine(Path.GetTempPath(), "helpdesk-functions", Guid.NewGuid().ToString("N"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    private async Task<Dictionary<string, JsonElement>> GenerateAsync()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(["functions", "--out", _out], stdout, stderr);
        Assert.Equal(0, exit);
        return Directory.GetDirectories(_out).ToDictionary(
            d => Path.GetFileName(d),
            d => JsonDocument.Parse(File.ReadAllText(Path.Combine(d, "function.json"))).RootElement.Clone());
    }

    [Fact]
    public async Task The_generator_writes_one_folder_per_declared_function()
    {
        var generated = await GenerateAsync();

        Assert.Equal(FunctionCatalog.All.Select(f => f.Name).Order(), generated.Keys.Order());
        foreach (var function in FunctionCatalog.All)
        {
            var bindings = generated[function.Name].GetProperty("bindings").EnumerateArray().ToList();
            Assert.Equal(function.Trigger.Type, bindings[0].GetProperty("type").GetString());
            Assert.Equal("in", bindings[0].GetProperty("direction").GetString());
            Assert.Equal(1 + function.Outputs.Count, bindings.Count);
        }
    }

    [Fact]
    public async Task Non_http_outputs_are_binary_so_the_host_never_base64_decodes_our_text()
    {
        var generated = await GenerateAsync();

        var outputs = generated.Values
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("direction").GetString() == "out" && b.GetProperty("type").GetString() != "http")
            .ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, b => Assert.Equal("binary", b.GetProperty("dataType").GetString()));
    }

    [Fact]
    public async Task Every_non_http_function_has_its_invocation_endpoint_and_no_other_exists()
    {
        var generated = await GenerateAsync();
        var endpoints = _app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var invocationRoutes = endpoints
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.Length > 0 && !r.StartsWith(FunctionCatalog.RoutePrefix + "/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        var nonHttp = generated.Where(g => g.Value.GetProperty("bindings")[0].GetProperty("type").GetString() != "httpTrigger").Select(g => g.Key).ToHashSet();
        Assert.Equal(nonHttp.Order(), invocationRoutes.Order());

        foreach (var name in nonHttp)
        {
            using var response = await _app.InvokeAsync(name, "{}");
            Assert.NotEqual(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task Every_api_endpoint_is_reached_through_a_declared_http_function_and_every_http_function_is_served()
    {
        var generated = await GenerateAsync();
        var httpRoutes = generated.Values
            .Select(f => f.GetProperty("bindings")[0])
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Select(b => (Route: b.GetProperty("route").GetString()!, Methods: b.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList()))
            .ToList();
        var matchers = httpRoutes.Select(r => (Matcher: new TemplateMatcher(TemplateParser.Parse(FunctionCatalog.RoutePrefix + "/" + r.Route), new RouteValueDictionary()), r.Methods)).ToList();

        var apiEndpoints = _app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(FunctionCatalog.RoutePrefix + "/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(apiEndpoints);

        foreach (var endpoint in apiEndpoints)
        {
            var sample = "/" + SamplePath(endpoint.RoutePattern);
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                Assert.True(
                    matchers.Any(m => m.Matcher.TryMatch(sample, new RouteValueDictionary()) && m.Methods.Contains(method)),
                    $"{method} {sample} ({endpoint.DisplayName}) is served but no declared HTTP function forwards it.");
            }
        }

        foreach (var (route, _) in httpRoutes)
        {
            var literal = route.Split("/{")[0];
            Assert.Contains(apiEndpoints, e => e.RoutePattern.RawText!.TrimStart('/').StartsWith(FunctionCatalog.RoutePrefix + "/" + literal, StringComparison.Ordinal));
        }
    }

    private static string SamplePath(RoutePattern pattern) =>
        string.Join('/', pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart => "x1",
            _ => string.Empty,
        }))));
}
