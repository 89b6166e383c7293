using System.Net;
using System.Text;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace Helpdesk.Infrastructure.Tests.Graph;

/// <summary>A recorded request to the fake Graph.</summary>
public sealed record GraphCall(HttpMethod Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Plays Microsoft Graph behind the real SDK: an injected <see cref="HttpMessageHandler"/> answers each request with
/// the JSON shape Graph documents for it, and records what the SDK sent.
/// </summary>
public sealed class FakeGraph : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string PathPrefix, Func<GraphCall, (HttpStatusCode, string)> Answer)> _routes = [];
    private readonly List<GraphCall> _calls = [];

    public IReadOnlyList<GraphCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public GraphServiceClient Client => new(new HttpClient(this), new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");

    public FakeGraph On(HttpMethod method, string pathPrefix, string json, HttpStatusCode status = HttpStatusCode.OK) =>
        On(method, pathPrefix, _ => (status, json));

    public FakeGraph On(HttpMethod method, string pathPrefix, Func<GraphCall, (HttpStatusCode, string)> answer)
    {
        _routes.Add((method, pathPrefix, answer));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var call = new GraphCall(request.Method, Uri.UnescapeDataString(request.RequestUri!.PathAndQuery), headers, body);
        lock (_calls)
        {
            _calls.Add(call);
        }

        var route = _routes.LastOrDefault(r => r.Method == request.Method && call.PathAndQuery.StartsWith(r.PathPrefix, StringComparison.OrdinalIgnoreCase));
        if (route.Answer is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("{\"error\":{\"code\":\"ErrorItemNotFound\",\"message\":\"The specified object was not found in the store.\"}}", Encoding.UTF8, "application/json"),
            };
        }

        var (status, json) = route.Answer(call);
        return new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
