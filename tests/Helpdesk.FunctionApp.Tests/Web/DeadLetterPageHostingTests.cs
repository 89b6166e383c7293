using System.Net;
using System.Text;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Web;

/// <summary>Under the Functions host the dead letters live in Service Bus, which the page cannot read yet: it says so
/// instead of showing the embedded outbox (the API answers 501 for the same reason).</summary>
public sealed class DeadLetterPageHostingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Principal(string role)
    {
        object[] claims = [new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "oid-sup" }, new { typ = "roles", val = role }];
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims })));
    }

    [Fact]
    public async Task In_azure_the_page_points_the_supervisor_to_service_bus_and_lists_nothing()
    {
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Survey:SigningKey"] = "a-test-survey-key-of-at-least-32-characters",
            ["WEBSITE_AUTH_ENABLED"] = "True",
        });

        async Task<HttpResponseMessage> GetAsync(string role)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/app/dead-letters", UriKind.Relative));
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Principal(role));
            return await app.Client.SendAsync(request, Ct);
        }

        using var supervisor = await GetAsync("supervisor");
        using var agent = await GetAsync("agent-l2");

        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        var html = WebUtility.HtmlDecode(await supervisor.Content.ReadAsStringAsync(Ct));
        Assert.Contains("subfila de mensagens mortas (dead-letter) do Service Bus", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"dead-letter\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nenhuma mensagem com falha", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
    }
}
