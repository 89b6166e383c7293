using System.Net;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.FunctionApp.Tests.Hosting;

/// <summary>Cold start (issue 21): the readiness probe waits for nothing the first request needs; that work runs right
/// after the server listens, and a failure there still stops the app, clearly.</summary>
public sealed class ColdStartTests
{
    [Fact]
    public async Task The_readiness_probe_is_answered_without_building_the_routing_table()
    {
        var matcherBuilds = new CountingMatcherPolicy();
        await using var app = await RunningApp.StartAsync(configure: b => b.Services.AddSingleton<MatcherPolicy>(matcherBuilds));

        using var probe = await app.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(ReadinessProbe.Body, await probe.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, matcherBuilds.EndpointsSeen);

        using var health = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(matcherBuilds.EndpointsSeen > 0, "a routed request builds the routing table");
    }

    [Fact]
    public async Task No_endpoint_is_built_before_the_first_routed_request_and_authorization_still_applies()
    {
        var counting = new CountingEndpointDataSource();
        // The endpoints as the container serves them (the authorization policy cache subscribes to them when it is built).
        await using var app = await RunningApp.StartAsync(configure: b => b.Services.AddSingleton<EndpointDataSource>(counting));

        using var probe = await app.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(0, counting.Reads);

        using var anonymous = await app.Client.GetAsync(new Uri("/api/catalogue", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.True(counting.Reads > 0, "the first routed request builds the authorization policy cache");
        using var staff = await app.Staff().GetAsync(new Uri("/api/catalogue", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }

    [Fact]
    public async Task The_pages_are_built_by_the_first_routed_request_not_before_the_server_listens()
    {
        var pageDiscovery = new CountingActionDescriptorProvider();
        await using var app = await RunningApp.StartAsync(configure: b => b.Services.AddSingleton<IActionDescriptorProvider>(pageDiscovery));

        using var probe = await app.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(0, pageDiscovery.Calls);

        using var queue = await app.Staff("agent-l1").GetAsync(new Uri("/api/app/tickets", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        Assert.Contains("<html", await queue.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.OrdinalIgnoreCase);
        Assert.True(pageDiscovery.Calls > 0, "the pages' action descriptors were built for the first routed request");
    }

    [Fact]
    public async Task The_probe_answers_HEAD_and_leaves_other_methods_on_slash_to_routing()
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true);

        using var head = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative)), TestContext.Current.CancellationToken);
        using var post = await app.Client.PostAsync(new Uri("/", UriKind.Relative), new StringContent(string.Empty), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task Under_the_host_the_store_is_opened_right_after_the_server_listens_without_a_request()
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true);

        var warmUp = app.App.Services.GetServices<IHostedService>().OfType<StartupWarmUp>().Single();
        Assert.Equal("ready", await warmUp.Outcome.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "helpdesk.db")), "the warm-up opened the SQLite store and applied its schema");
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_after_listening_stops_the_app_with_exit_code_70()
    {
        var data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var notAFolder = Path.Combine(data, "not-a-folder");
        await File.WriteAllTextAsync(notAFolder, "a file where the data folder should be", TestContext.Current.CancellationToken);

        await using var app = await RunningApp.StartAsync(asFunctionsHost: true, dataDirectory: data, settings: new Dictionary<string, string?> { ["Helpdesk:DataDirectory"] = notAFolder });

        var warmUp = app.App.Services.GetServices<IHostedService>().OfType<StartupWarmUp>().Single();
        Assert.Equal("failed", await warmUp.Outcome.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(app.App.Lifetime.ApplicationStopping.IsCancellationRequested, "the app stops");
        Assert.Equal(StartupWarmUp.FailedExitCode, StartupWarmUp.ExitCode(app.App.Services));
    }

    [Fact]
    public async Task A_clean_start_exits_with_0()
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true);

        var warmUp = app.App.Services.GetServices<IHostedService>().OfType<StartupWarmUp>().Single();
        Assert.Equal("ready", await warmUp.Outcome.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.Equal(0, StartupWarmUp.ExitCode(app.App.Services));
    }

    /// <summary>Adds no action; counts how often the action descriptors (the Razor pages among them) are built.</summary>
    private sealed class CountingActionDescriptorProvider : IActionDescriptorProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public int Order => 0;

        public void OnProvidersExecuting(ActionDescriptorProviderContext context) => Interlocked.Increment(ref _calls);

        public void OnProvidersExecuted(ActionDescriptorProviderContext context)
        {
        }
    }

    /// <summary>An endpoint source with no endpoint that counts how often it is read or subscribed to.</summary>
    private sealed class CountingEndpointDataSource : EndpointDataSource
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                Interlocked.Increment(ref _reads);
                return [];
            }
        }

        public override Microsoft.Extensions.Primitives.IChangeToken GetChangeToken()
        {
            Interlocked.Increment(ref _reads);
            return Microsoft.Extensions.FileProviders.NullChangeToken.Singleton;
        }
    }

    /// <summary>Sees every endpoint once each time the routing table (its matcher) is built.</summary>
    private sealed class CountingMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
    {
        private int _seen;

        public int EndpointsSeen => Volatile.Read(ref _seen);

        public override int Order => 0;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
        {
            Interlocked.Add(ref _seen, endpoints.Count);
            return false;
        }

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates) => Task.CompletedTask;
    }
}
