using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.FunctionApp.Tests.Reliability;

/// <summary>
/// Issue 18: on Cosmos DB a delivery claims the Message-ID before it writes the ticket. When that writer dies in between
/// (here: its content folder is unusable, so it fails offloading the large body, and the app is torn down), a redelivery within ten
/// minutes used to get <c>200 "duplicate"</c> with a protocol that names no ticket, and the relay stopped retrying.
/// It now gets <c>503</c> with <c>Retry-After</c>; after the claim is abandoned, the redelivery becomes the ticket.
/// </summary>
public sealed class InProgressClaimTests(CosmosServerFixture cosmos) : IClassFixture<CosmosServerFixture>, IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 10, 13, 0, 0, TimeSpan.Zero));
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
    private readonly CosmosOptions _options = cosmos.Options("claim-" + Guid.NewGuid().ToString("N")[..12]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await CosmosConnection.EnsureTicketsContainerAsync(cosmos.Client, _options, Ct);

    public async ValueTask DisposeAsync()
    {
        using var _ = await cosmos.Client.GetDatabase(_options.DatabaseName).DeleteStreamAsync();
    }

    [Fact]
    public async Task A_redelivery_while_the_first_writer_is_gone_gets_503_with_retry_after_and_later_becomes_the_ticket()
    {
        var raw = Emails.Plain("claim-1@ifsp.edu.br", body: new string('x', 40_000));
        // The first writer's content folder is a file: offloading the body fails after the claim, before the ticket.
        var dyingData = _data + "-dying";
        Directory.CreateDirectory(dyingData);
        await File.WriteAllTextAsync(Path.Combine(dyingData, "content"), "not a folder", Ct);
        await using (var dying = await CosmosHostedApp.StartAsync(_options, dyingData, b => b.Services.AddSingleton<TimeProvider>(_clock)))
        {
            using var first = await dying.PostEmailAsync(raw);
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode); // the writer stopped after its claim
        }

        await using var app = await CosmosHostedApp.StartAsync(_options, _data, b => b.Services.AddSingleton<TimeProvider>(_clock));
        using var retried = await app.PostEmailAsync(raw);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, retried.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), retried.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", retried.Content.Headers.ContentType?.MediaType);

        _clock.Advance(TimeSpan.FromMinutes(10));
        using var later = await app.PostEmailAsync(raw);
        using var again = await app.PostEmailAsync(raw);

        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var protocol = (await later.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString();
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(protocol, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString());
    }
}
