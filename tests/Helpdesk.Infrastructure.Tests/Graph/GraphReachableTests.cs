using Helpdesk.Infrastructure.Azure.Graph;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Infrastructure.Tests.Graph;

/// <summary>
/// <c>Graph__BaseUrl</c> and <c>Graph__AuthorityHost</c> through the real libraries: the client built by
/// <see cref="GraphClientFactory"/> reaches a loopback Graph over plain http, gets its token from the loopback authority
/// (which Azure.Identity and MSAL would refuse: "must use HTTPS") and attaches it to that host (which the Graph SDK
/// does only for Microsoft's hosts unless told).
/// </summary>
public sealed class GraphReachableTests : IAsyncLifetime
{
    private readonly GraphStandIn _standIn = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _standIn.DisposeAsync();

    private GraphOptions Options(Uri? authority) => _standIn.ClientOptions(authority);

    [Fact]
    public async Task A_loopback_graph_is_reached_with_a_token_from_the_loopback_authority()
    {
        var id = _standIn.Deliver("first@ifsp.edu.br", "maria.silva@ifsp.edu.br", "Sistema fora do ar", "Bom dia, o sistema está fora do ar.");
        var options = Options(_standIn.AuthorityHost);
        var mailbox = new GraphMailbox(GraphClientFactory.Create(options), options, TimeProvider.System, NullLogger<GraphMailbox>.Instance);

        var email = await mailbox.FetchAsync(id, Ct);

        Assert.Equal("<first@ifsp.edu.br>", email?.MessageId);
        var token = Assert.Single(_standIn.Calls, c => c.PathAndQuery.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.StartsWith("/84bd8158-6d4d-4958-8b9f-9d6445542f95/", token.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", token.Body, StringComparison.Ordinal);
        var get = Assert.Single(_standIn.Calls, c => c.PathAndQuery.StartsWith($"/v1.0/users/{GraphStandIn.Mailbox}/messages/{id}", StringComparison.Ordinal));
        Assert.StartsWith("Bearer standin-", get.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_asked_for_once_and_reused()
    {
        var options = Options(_standIn.AuthorityHost);
        var mailbox = new GraphMailbox(GraphClientFactory.Create(options), options, TimeProvider.System, NullLogger<GraphMailbox>.Instance);

        await mailbox.EnsureFirstSubscriptionAsync(Ct);
        await mailbox.EnsureFirstSubscriptionAsync(Ct);

        Assert.Single(_standIn.Calls, c => c.PathAndQuery.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Single(_standIn.Subscriptions);
    }

    [Fact]
    public void The_configured_graph_host_is_trusted_with_the_token_besides_microsofts()
    {
        var hosts = GraphClientFactory.AllowedHosts(Options(null));

        Assert.Contains("127.0.0.1", hosts);
        Assert.Contains("graph.microsoft.com", hosts);
        Assert.DoesNotContain("127.0.0.1", GraphClientFactory.AllowedHosts(new GraphOptions()));
    }

    [Fact]
    public void An_https_authority_goes_to_azure_identity_and_a_loopback_http_one_to_the_apps_own_request()
    {
        Assert.IsType<global::Azure.Identity.ClientSecretCredential>(GraphClientFactory.Credential(Options(new Uri("https://login.microsoftonline.us/"))));
        var own = Assert.IsType<ClientCredentialsToken>(GraphClientFactory.Credential(Options(_standIn.AuthorityHost)));
        Assert.Equal(new Uri(_standIn.Root, "84bd8158-6d4d-4958-8b9f-9d6445542f95/oauth2/v2.0/token"), own.TokenEndpoint);
    }
}
