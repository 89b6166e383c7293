using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Reliability;

/// <summary>A mail system that redelivers the same message over and over must not open more than one ticket.</summary>
public sealed class DuplicateDeliveryTests : IAsyncLifetime
{
    private const int Deliveries = 10_000;
    private const int Concurrency = 8;
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_same_message_delivered_ten_thousand_times_opens_one_ticket_and_sends_one_acknowledgment()
    {
        var raw = Emails.Plain("storm@ifsp.edu.br");
        var outcomes = new int[Deliveries];
        var protocols = new string?[Deliveries];
        var next = -1;
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Deliveries)
            {
                using var response = await _app.PostEmailAsync(raw);
                outcomes[i] = (int)response.StatusCode;
                protocols[i] = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("protocol").GetString();
            }
        });
        await Task.WhenAll(workers);

        Assert.Equal(1, outcomes.Count(s => s == (int)HttpStatusCode.Created));
        Assert.Equal(Deliveries - 1, outcomes.Count(s => s == (int)HttpStatusCode.OK));
        var protocol = Assert.Single(protocols.Distinct());
        var ticket = await _app.Client.GetFromJsonAsync<JsonElement>("/api/tickets/" + protocol, TestContext.Current.CancellationToken);
        Assert.Equal(2, ticket.GetProperty("messages").GetArrayLength());
        await RunningApp.WaitUntilAsync(() => Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder, "*.eml").Length >= 1, TimeSpan.FromSeconds(10), "the acknowledgment");
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(Directory.GetFiles(_app.SentMailFolder, "*.eml"));
    }
}
