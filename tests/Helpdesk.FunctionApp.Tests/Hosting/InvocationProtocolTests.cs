using System.Net;
using System.Text.Json;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Hosting;

/// <summary>
/// Plays the Functions host: the app runs as a custom handler (no embedded runner) and the tests post the host's
/// documented invocation payloads (FUNCTIONS-HOST.md §3) and read the <c>{Outputs, Logs, ReturnValue}</c> answers.
/// </summary>
public sealed class InvocationProtocolTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(asFunctionsHost: true);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>How the host writes a string trigger value: JSON-serialized, then placed in a JSON string.</summary>
    private static string HostString(string value) => JsonSerializer.Serialize(JsonSerializer.Serialize(value));

    private static string ServiceBusPayload(string body, string messageId, int deliveryCount) =>
        "{\"Data\":{\"msg\":" + HostString(body) + "}," +
        "\"Metadata\":{\"DeliveryCount\":\"" + deliveryCount + "\",\"SequenceNumber\":\"17\",\"MessageId\":" + HostString(messageId) + "," +
        "\"ContentType\":\"\\\"application/json\\\"\",\"EnqueuedTimeUtc\":\"2026-11-24T10:00:00\",\"EnqueuedTime\":\"2026-11-24T10:00:00+00:00\"," +
        "\"ApplicationProperties\":{},\"UserProperties\":{}," +
        "\"sys\":{\"MethodName\":\"SendRequesterMail\",\"UtcNow\":\"2026-11-24T10:00:01.0123456Z\",\"RandGuid\":\"5b0c2f7e-1111-4a4a-9c9c-000000000001\"}}}";

    private async Task<string> OutboxBodyOfNewTicketAsync()
    {
        using var response = await _app.PostEmailAsync(Emails.Plain("hosted-1@ifsp.edu.br"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var due = await _app.Service<IOutboxStore>().TakeDueAsync(DateTimeOffset.UtcNow.AddMinutes(1), 10, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        return Assert.Single(due).Body;
    }

    [Fact]
    public async Task Under_the_functions_host_no_embedded_runner_sends_mail()
    {
        await OutboxBodyOfNewTicketAsync();
        await Task.Delay(500, TestContext.Current.CancellationToken);

        Assert.False(Directory.Exists(_app.SentMailFolder) && Directory.GetFiles(_app.SentMailFolder).Length > 0);
    }

    [Fact]
    public async Task The_change_feed_forwards_outbox_items_to_their_service_bus_output()
    {
        var body = await OutboxBodyOfNewTicketAsync();
        var documents = JsonSerializer.Serialize(new object[]
        {
            new { id = "t-1", type = "ticket", status = "new" },
            new { id = "o-1", type = "outbox", queue = Queues.OutboundMail, body },
        });
        var payload = "{\"Data\":{\"documents\":" + HostString(documents) + "},\"Metadata\":{\"sys\":{\"MethodName\":\"ForwardOutbox\",\"UtcNow\":\"2026-11-24T10:00:01Z\",\"RandGuid\":\"5b0c\"}}}";

        using var response = await _app.InvokeAsync("ForwardOutbox", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        var forwarded = result.GetProperty("Outputs").GetProperty("outboundMail");
        Assert.Equal(body, Assert.Single(forwarded.EnumerateArray()).GetString());
        Assert.False(result.GetProperty("Outputs").TryGetProperty("escalations", out _));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public async Task The_change_feed_forwards_the_outbox_entries_of_ticket_items()
    {
        var body = await OutboxBodyOfNewTicketAsync();
        var documents = JsonSerializer.Serialize(new object[]
        {
            new
            {
                id = "5f1d", pk = "5f1d", type = "ticket", status = "new", version = 3,
                outbox = new object[]
                {
                    new { id = "a1", queue = Queues.OutboundMail, body, createdAt = "2026-11-24T10:00:00.0000000+00:00", version = 3 },
                    new { id = "a2", queue = Queues.Escalations, body = "{\"level\":2}", createdAt = "2026-11-24T10:00:00.0000000+00:00", version = 3 },
                },
            },
        });
        var payload = "{\"Data\":{\"documents\":" + HostString(documents) + "},\"Metadata\":{\"sys\":{\"MethodName\":\"ForwardOutbox\",\"UtcNow\":\"2026-11-24T10:00:01Z\",\"RandGuid\":\"5b0c\"}}}";

        using var response = await _app.InvokeAsync("ForwardOutbox", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var outputs = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("Outputs");
        Assert.Equal(body, Assert.Single(outputs.GetProperty("outboundMail").EnumerateArray()).GetString());
        Assert.Equal("{\"level\":2}", Assert.Single(outputs.GetProperty("escalations").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task The_documented_change_feed_example_without_outbox_items_forwards_nothing()
    {
        const string payload = """{"Data":{"documents":"\"[{\\\"id\\\":\\\"T-42\\\",\\\"status\\\":\\\"open\\\"}]\""},"Metadata":{"sys":{"MethodName":"OnTicketChange","UtcNow":"2025-01-02T02:00:00Z","RandGuid":"5b0c"}}}""";

        using var response = await _app.InvokeAsync("ForwardOutbox", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Empty(result.GetProperty("Outputs").EnumerateObject());
    }

    [Fact]
    public async Task A_service_bus_delivery_sends_the_email_and_a_second_delivery_sends_nothing_more()
    {
        var body = await OutboxBodyOfNewTicketAsync();
        var outboxId = OutboundEmail.FromJson(body).OutboxId.ToString("N");

        using var first = await _app.InvokeAsync("SendRequesterMail", ServiceBusPayload(body, outboxId, 1));
        using var second = await _app.InvokeAsync("SendRequesterMail", ServiceBusPayload(body, outboxId, 2));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var sent = Assert.Single(Directory.GetFiles(_app.SentMailFolder, "*.eml"));
        Assert.Contains(OutboundEmail.FromJson(body).Protocol, await File.ReadAllTextAsync(sent, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var secondLogs = JsonDocument.Parse(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("Logs");
        Assert.Contains("already sent", secondLogs[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_is_not_an_email_fails_the_invocation_so_service_bus_retries_and_dead_letters()
    {
        const string payload = """{"Data":{"msg":"\"{\\\"ticketId\\\":\\\"T-42\\\"}\""},"Metadata":{"DeliveryCount":"1","MessageId":"\"a1b2\"","sys":{"MethodName":"SendRequesterMail","UtcNow":"2025-01-02T10:00:00Z","RandGuid":"5b0c"}}}""";

        using var response = await _app.InvokeAsync("SendRequesterMail", payload);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_the_hosts_json_fails_the_invocation()
    {
        using var response = await _app.InvokeAsync("SendRequesterMail", "not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_timer_payload_runs_the_availability_probe()
    {
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},
              "ScheduleStatus":{"Last":"2026-11-24T10:00:00","Next":"2026-11-24T10:01:00","LastUpdated":"2026-11-24T10:00:00"},
              "IsPastDue":false}},
             "Metadata":{"sys":{"MethodName":"AvailabilityProbe","UtcNow":"2026-11-24T10:01:00.0123456Z","RandGuid":"5b0c"}}}
            """;
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        using var response = await _app.InvokeAsync("AvailabilityProbe", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.True(result.TryGetProperty("Outputs", out _));
        Assert.Equal(1, await _app.Service<IAvailabilityLog>().CountHeartbeatsAsync(before, DateTimeOffset.UtcNow.AddMinutes(1), TestContext.Current.CancellationToken));
    }
}
