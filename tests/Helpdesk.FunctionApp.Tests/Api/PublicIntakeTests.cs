using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Api;

public sealed class PublicIntakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Ticket(int i) => new { subject = "Pedido " + i, description = "x", requesterEmail = "a@b.gov.br", channel = "webForm" };

    [Fact]
    public async Task Anonymous_ticket_creation_is_rate_limited_per_client_with_a_429_problem_and_retry_after()
    {
        await using var app = await RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimiting:Intake:PermitLimit"] = "3", ["RateLimiting:Intake:WindowSeconds"] = "3600" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await app.Client.PostAsJsonAsync("/api/tickets", Ticket(i), Ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal(429, (await TicketApi.ProblemAsync(response)).GetProperty("status").GetInt32());
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);

        // Staff registering tickets (e.g. phone calls) are not limited; the rejected request consumed no protocol.
        using var byAgent = await app.Staff("agent-l1").PostAsJsonAsync("/api/tickets", Ticket(9), Ct);
        Assert.Equal(HttpStatusCode.Created, byAgent.StatusCode);
        Assert.EndsWith("0000004", (await byAgent.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("protocol").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_is_published_and_describes_the_agent_api()
    {
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/tickets/{protocol}/escalate", out _));
        Assert.True(paths.TryGetProperty("/api/kb", out _));
        Assert.True(paths.TryGetProperty("/api/surveys/{token}", out _));
    }
}
