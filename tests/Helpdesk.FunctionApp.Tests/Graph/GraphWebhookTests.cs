using System.Net;
using System.Text;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Graph;

namespace Helpdesk.FunctionApp.Tests.Graph;

/// <summary>The Graph webhook, spoken to over HTTP as Graph does, with the app running as under the Functions host.</summary>
public sealed class GraphWebhookTests : IAsyncLifetime
{
    public const string ClientState = "s3cr3t-client-state-1234";
    private RunningApp _app = null!;

    public static Dictionary<string, string?> GraphSettings() => new()
    {
        ["Graph:TenantId"] = "00000000-0000-0000-0000-000000000001",
        ["Graph:ClientId"] = "00000000-0000-0000-0000-000000000002",
        ["Graph:ClientSecret"] = "not-a-real-secret",
        ["Graph:MailboxUserId"] = "suporte@contoso.gov.br",
        ["Graph:ClientState"] = ClientState,
        ["Graph:NotificationUrl"] = "https://helpdesk.example.gov.br/api/graph/notifications",
    };

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(asFunctionsHost: true, settings: GraphSettings());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Notification(string clientState, string messageId = "AAMkAGI2TG93AAA=") => $$"""
        {"value":[{"subscriptionId":"7f105c7d-2dc5-4530-97cd-4e7ae6534c07","subscriptionExpirationDateTime":"2026-11-30T18:23:45.9356913Z",
          "changeType":"created","resource":"Users/suporte@contoso.gov.br/Messages/{{messageId}}","clientState":"{{clientState}}",
          "tenantId":"84bd8158-6d4d-4958-8b9f-9d6445542f95",
          "resourceData":{"@odata.type":"#Microsoft.Graph.Message","@odata.id":"Users/suporte@contoso.gov.br/Messages/{{messageId}}","@odata.etag":"W/\"CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHf\"","id":"{{messageId}}" } } ] }
        """;

    private Task<HttpResponseMessage> PostAsync(string body, string query = "") =>
        _app.Client.PostAsync(new Uri("/api/graph/notifications" + query, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private async Task<IReadOnlyList<PendingDelivery>> StoredAsync() =>
        await _app.Service<IOutboxStore>().TakeDueAsync(DateTimeOffset.UtcNow.AddMinutes(1), 100, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_validation_handshake_echoes_the_token_as_plain_text()
    {
        using var response = await PostAsync(string.Empty, "?validationToken=Validation%3A%20Testing%20client%20application%20reachability");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Validation: Testing client application reachability", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_notification_with_the_right_client_state_is_stored_for_processing_and_acknowledged()
    {
        using var response = await PostAsync(Notification(ClientState));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(Queues.GraphNotifications, stored.Queue);
        Assert.Equal("AAMkAGI2TG93AAA=", GraphNotification.FromJson(stored.Body).ResourceData?.Id);
    }

    [Fact]
    public async Task A_notification_with_a_wrong_client_state_is_ignored_with_202_and_nothing_is_stored()
    {
        using var wrong = await PostAsync(Notification("s3cr3t-client-state-1235"));
        using var missing = await PostAsync(Notification(string.Empty));

        Assert.Equal(HttpStatusCode.Accepted, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, missing.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Notifications_for_one_message_in_one_batch_are_stored_once()
    {
        using var document = System.Text.Json.JsonDocument.Parse(Notification(ClientState));
        var entry = document.RootElement.GetProperty("value")[0].GetRawText();
        var other = System.Text.Json.JsonDocument.Parse(Notification(ClientState, "AAMkAGI2TG94AAA=")).RootElement.GetProperty("value")[0].GetRawText();

        using var response = await PostAsync($$"""{"value":[{{entry}},{{entry}},{{other}}]}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await StoredAsync();
        Assert.Equal(["AAMkAGI2TG93AAA=", "AAMkAGI2TG94AAA="], stored.Select(s => GraphNotification.FromJson(s.Body).ResourceData?.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_that_is_not_a_notification_is_a_problem_naming_the_field()
    {
        using var response = await PostAsync("{\"hello\":1}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"value\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }
}
