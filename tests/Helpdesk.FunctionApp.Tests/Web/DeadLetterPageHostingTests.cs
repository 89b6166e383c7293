using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Helpdesk.Application.Outbox;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.FunctionApp.Tests.Web;

/// <summary>Under the Functions host with the Service Bus namespace set, the dead-letter API and page read Service Bus's
/// dead-letter sub-queues (here an in-memory namespace behind the Service Bus SDK's mocking seams) instead of the embedded outbox.</summary>
public sealed class DeadLetterPageHostingTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeServiceBus _bus = new();
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await RunningApp.StartAsync(asFunctionsHost: true, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Survey:SigningKey"] = "a-test-survey-key-of-at-least-32-characters",
            ["WEBSITE_AUTH_ENABLED"] = "True",
            ["ServiceBusConnection:fullyQualifiedNamespace"] = _bus.Namespace,
        }, configure: builder => builder.Services.AddSingleton<ServiceBusClient>(_bus));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Principal(string role)
    {
        object[] claims = [new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "oid-sup" }, new { typ = "roles", val = role }];
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims })));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string role = "supervisor")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Principal(role));
        request.Headers.Add("X-Forwarded-Proto", "https"); // as the Functions host's proxy says
        request.Headers.Add("X-Requested-With", "test"); // body-less writes require it (no cross-site form can send it)
        return await _app.Client.SendAsync(request, Ct);
    }

    private static string Mail(Guid outboxId, string protocol) =>
        $$"""{"outboxId":"{{outboxId}}","ticketId":"t-1","protocol":"{{protocol}}","messageId":"m@x","to":"maria@example.gov.br","subject":"S","text":"texto","inReplyTo":null,"references":[],"purpose":"reply"}""";

    [Fact]
    public async Task The_api_lists_the_service_bus_dead_letters_and_replays_one_to_its_queue()
    {
        var id = Guid.NewGuid();
        var body = Mail(id, "2026.000777");
        _bus.DeadLetter(Queues.Escalations, body);

        using var list = await SendAsync(HttpMethod.Get, "/api/deadletters");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var letters = (await list.Content.ReadFromJsonAsync<List<JsonElement>>(Ct))!;
        var letter = Assert.Single(letters);
        Assert.Equal(id, letter.GetProperty("id").GetGuid());
        Assert.Equal(Queues.Escalations, letter.GetProperty("queue").GetString());
        Assert.Equal("2026.000777", letter.GetProperty("protocol").GetString());
        Assert.Equal(JsonValueKind.Null, letter.GetProperty("deadLetteredAt").ValueKind);
        Assert.DoesNotContain("maria@", letter.GetRawText(), StringComparison.Ordinal);
        Assert.False(Assert.Single(_bus.Messages(Queues.Escalations + "/$DeadLetterQueue")).Locked);

        using var replay = await SendAsync(HttpMethod.Post, $"/api/deadletters/{id}/replay");
        using var again = await SendAsync(HttpMethod.Post, $"/api/deadletters/{id}/replay");

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(body, Assert.Single(_bus.Messages(Queues.Escalations)).Body);
        Assert.Empty(_bus.Messages(Queues.Escalations + "/$DeadLetterQueue"));
    }

    [Fact]
    public async Task The_page_lists_the_service_bus_dead_letters_to_supervisors_only()
    {
        _bus.DeadLetter(Queues.OutboundMail, Mail(Guid.NewGuid(), "2026.000778"));

        using var supervisor = await SendAsync(HttpMethod.Get, "/api/app/dead-letters");
        using var agent = await SendAsync(HttpMethod.Get, "/api/app/dead-letters", "agent-l2");

        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        var html = WebUtility.HtmlDecode(await supervisor.Content.ReadAsStringAsync(Ct));
        Assert.Contains("data-testid=\"dead-letter\"", html, StringComparison.Ordinal);
        Assert.Contains("2026.000778", html, StringComparison.Ordinal);
        Assert.Contains("MaxDeliveryCountExceeded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("maria@", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
    }

    [Fact]
    public async Task The_page_replay_button_sends_the_message_back_to_its_queue()
    {
        var id = Guid.NewGuid();
        _bus.DeadLetter(Queues.OutboundMail, Mail(id, "2026.000779"));
        using var page = await SendAsync(HttpMethod.Get, "/api/app/dead-letters");
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(Helpdesk.FunctionApp.Web.WebSetup.AntiforgeryCookie + "=", StringComparison.Ordinal)).Split(';')[0];

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/app/dead-letters?handler=replay", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id.ToString(), ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("X-MS-CLIENT-PRINCIPAL", Principal("supervisor"));
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", cookie);
        using var replayed = await _app.Client.SendAsync(post, Ct);

        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode); // after the redirect back to the list
        Assert.Contains("done=replay", replayed.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        Assert.Single(_bus.Messages(Queues.OutboundMail));
        Assert.Empty(_bus.Messages(Queues.OutboundMail + "/$DeadLetterQueue"));
    }

    [Fact]
    public async Task Service_bus_unavailable_is_a_503_problem_on_the_api_and_an_alert_on_the_page()
    {
        _bus.Fail("peek", new ServiceBusException(true, "the namespace is busy", null, ServiceBusFailureReason.ServiceBusy), times: 1000);

        using var api = await SendAsync(HttpMethod.Get, "/api/deadletters");
        using var page = await SendAsync(HttpMethod.Get, "/api/app/dead-letters");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Service Bus", (await api.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nenhuma mensagem com falha", html, StringComparison.Ordinal);
    }
}
