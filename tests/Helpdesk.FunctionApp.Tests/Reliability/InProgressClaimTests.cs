using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Azure.Cosmos;
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

    /// <summary>The issue's own test: the first writer is a separate process, SIGKILLed after its Message-ID claim while
    /// its ticket item is on the wire (the proxy holds that write, so it never reaches the server). A redelivery to a new
    /// process gets 503 with Retry-After, never 200; once the claim is ten minutes old (back-dated in the store, as time
    /// passing would) the redelivery becomes the ticket, and a further one is its duplicate.</summary>
    [Fact]
    public async Task A_writer_killed_between_its_claim_and_its_ticket_leaves_a_retryable_503()
    {
        var messageId = "killed-" + Guid.NewGuid().ToString("N") + "@ifsp.edu.br";
        var raw = Emails.Plain(messageId);
        await using var proxy = await HttpsProxy.StartAsync(_options.AccountEndpoint!);
        var ticketWritten = proxy.HoldWhen((method, path, body) =>
            method == "POST" && path.EndsWith("/docs", StringComparison.Ordinal) && body.Length > 0 &&
            JsonNode.Parse(body)?["type"]?.GetValue<string>() == "ticket");

        using (var dying = await AppProcess.StartAsync(_data + "-dying", environment: HostedProcessSettings(proxy.Endpoint)))
        {
            using var client = new HttpClient { BaseAddress = dying.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
            var post = PostAsync(client, raw);
            await ticketWritten.WaitAsync(TimeSpan.FromSeconds(90), Ct); // claimed; the ticket item is being written
            dying.Kill();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => post);
        }

        proxy.HoldNothing();
        using var app = await AppProcess.StartAsync(_data, environment: HostedProcessSettings(_options.AccountEndpoint!));
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        using (var retried = await PostAsync(http, raw))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, retried.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), retried.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", retried.Content.Headers.ContentType?.MediaType);
        }

        await BackdateClaimAsync(messageId, TimeSpan.FromMinutes(11));
        using var later = await PostAsync(http, raw);
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var protocol = (await later.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString();
        using var again = await PostAsync(http, raw);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(protocol, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString());
    }

    private Dictionary<string, string> HostedProcessSettings(Uri cosmosEndpoint) => new()
    {
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "0", // as the Functions host starts it (the process listens on --urls)
        ["CosmosDb__accountEndpoint"] = cosmosEndpoint.ToString(),
        ["CosmosDb__accountKey"] = _options.AccountKey!,
        ["CosmosDb__databaseName"] = _options.DatabaseName,
        ["Survey__SigningKey"] = "test-survey-signing-key-for-the-hosted-app-0123456789",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string raw)
    {
        using var content = new StringContent(raw);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
        return await client.PostAsync(new Uri("/api/mailbox/messages", UriKind.Relative), content, Ct);
    }

    /// <summary>Moves the Message-ID claim's time back, as if <paramref name="age"/> had passed since it was made. The
    /// claim's item id is <c>msg-</c> + the SHA-256 of the Message-ID (docs/cosmos-data-model.md).</summary>
    private async Task BackdateClaimAsync(string messageId, TimeSpan age)
    {
        var container = cosmos.Client.GetContainer(_options.DatabaseName, _options.TicketsContainer);
        var key = "msg-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(messageId)));
        using var read = await container.ReadItemStreamAsync(key, new PartitionKey(key), cancellationToken: Ct);
        Assert.True(read.IsSuccessStatusCode, $"read of the claim: {read.StatusCode}");
        var claim = (await JsonNode.ParseAsync(read.Content, cancellationToken: Ct))!.AsObject();
        Assert.Equal(messageId, claim["messageId"]!.GetValue<string>());
        claim["claimedAt"] = DateTimeOffset.UtcNow.Subtract(age).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(claim.ToJsonString()));
        using var replaced = await container.ReplaceItemStreamAsync(stream, key, new PartitionKey(key), cancellationToken: Ct);
        Assert.True(replaced.IsSuccessStatusCode, $"replace of the claim: {replaced.StatusCode}");
    }
}
