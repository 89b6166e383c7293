using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Helpdesk.FunctionApp.LocalRunner;

/// <summary>The outcome of one invocation over loopback: success, or the status and logs of the failure.</summary>
public sealed record InvocationOutcome(bool Succeeded, int StatusCode, string Detail);

/// <summary>Posts invocation payloads to this server's own <c>POST /{FunctionName}</c> endpoints, as the Functions host does.</summary>
public sealed class FunctionInvoker(IHttpClientFactory httpClients, SelfAddress self, Invocation.InvocationKey key)
{
    public const string HttpClientName = "helpdesk-self";

    public async Task<InvocationOutcome> InvokeAsync(string functionName, JsonObject payload, CancellationToken cancellationToken)
    {
        var baseAddress = await self.WaitAsync(cancellationToken).ConfigureAwait(false);
        var client = httpClients.CreateClient(HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/" + functionName))
        {
            Content = JsonContent.Create(payload),
        };
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/embedded");
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add(Invocation.InvocationKey.Header, key.Value);
        try
        {
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return new InvocationOutcome(response.IsSuccessStatusCode, (int)response.StatusCode, body.Length > 2000 ? body[..2000] : body);
        }
        catch (HttpRequestException ex)
        {
            return new InvocationOutcome(false, 0, "connection failed: " + ex.Message);
        }
    }
}
