using System.Net;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.FunctionApp.Tests.Graph;

/// <summary>The first subscription is created at start-up, in the background once the server listens, through the
/// settings <c>Graph__BaseUrl</c> and <c>Graph__AuthorityHost</c> (a loopback Graph over plain http).</summary>
public sealed class GraphSubscriptionAtStartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Dictionary<string, string?> Settings(GraphStandIn graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var settings = GraphWebhookTests.GraphSettings();
        settings["Graph:BaseUrl"] = graph.BaseUrl.ToString();
        settings["Graph:AuthorityHost"] = graph.AuthorityHost.ToString();
        return settings;
    }

    [Fact]
    public async Task With_no_subscription_the_app_creates_one_after_it_listens_without_delaying_readiness()
    {
        await using var graph = new GraphStandIn();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        graph.SubscriptionGate = gate.Task; // Graph takes its time (it validates the notification URL first)
        RunningApp? app = null;
        graph.Validate = async (_, token) =>
        {
            // Graph's handshake reaches the webhook while the creation request is still open.
            using var response = await app!.Client.PostAsync(new Uri("/api/graph/notifications?validationToken=" + Uri.EscapeDataString(token), UriKind.Relative), null, Ct);
            return await response.Content.ReadAsStringAsync(Ct);
        };

        await using (app = await RunningApp.StartAsync(asFunctionsHost: true, settings: Settings(graph)))
        {
            // Started and answering the readiness probe while the creation request is still held by Graph.
            using var probe = await app.Client.GetAsync(new Uri("/", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
            await Eventually(() => graph.Calls.Any(c => c.Method == "POST" && c.PathAndQuery == "/v1.0/subscriptions"));
            Assert.Empty(graph.Subscriptions);

            gate.SetResult();
            var startup = app.App.Services.GetServices<IHostedService>().OfType<GraphSubscriptionAtStartup>().Single();
            Assert.Equal("created", await startup.Outcome.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        }

        var subscription = Assert.Single(graph.Subscriptions);
        Assert.Equal("https://helpdesk.example.gov.br/api/graph/notifications", (string?)subscription["notificationUrl"]);
        Assert.Equal($"users/suporte@contoso.gov.br/mailFolders('inbox')/messages", (string?)subscription["resource"]);
        var create = Assert.Single(graph.Calls, c => c.Method == "POST" && c.PathAndQuery == "/v1.0/subscriptions");
        Assert.Equal("IdType=\"ImmutableId\"", create.Prefer);
    }

    [Fact]
    public async Task With_a_subscription_already_there_start_up_creates_none()
    {
        await using var graph = new GraphStandIn();
        await using (var first = await RunningApp.StartAsync(asFunctionsHost: true, settings: Settings(graph)))
        {
            Assert.Equal("created", await first.App.Services.GetServices<IHostedService>().OfType<GraphSubscriptionAtStartup>().Single().Outcome.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        }

        await using var second = await RunningApp.StartAsync(asFunctionsHost: true, settings: Settings(graph));

        Assert.Equal("exists", await second.App.Services.GetServices<IHostedService>().OfType<GraphSubscriptionAtStartup>().Single().Outcome.WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Single(graph.Subscriptions);
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(25, Ct);
        }
    }
}
