using System.Net;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Hosting;

public sealed class ReadinessTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_host_readiness_probe_gets_200(bool asFunctionsHost)
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost);

        using var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_store()
    {
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
