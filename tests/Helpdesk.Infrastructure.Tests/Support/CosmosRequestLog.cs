using Microsoft.Azure.Cosmos;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>Records the requests of the clients made by <see cref="NewClient"/> (method, address, answer), so that a test
/// can count the requests on one item: <c>Count("counter-2100", "PATCH", 200)</c>. Creates are sent to the container's
/// address, not the item's, so they are counted with <see cref="CountCreates"/>.</summary>
public sealed class CosmosRequestLog
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Method, string Path, int Status)> _seen = [];

    /// <summary>Requests addressed to the item <paramref name="itemId"/>, by method and answer when given.</summary>
    public int Count(string itemId, string? method = null, int? status = null) =>
        _seen.Count(r => r.Path.EndsWith("/docs/" + itemId, StringComparison.Ordinal) && (method is null || r.Method == method) && (status is null || r.Status == status));

    /// <summary>Creates (POST to the container) of any item.</summary>
    public int CountCreates() => _seen.Count(r => r.Method == "POST" && r.Path.TrimEnd('/').Split('/') is [.., "colls", _]);

    /// <summary>A client of its own on the loopback server of <paramref name="options"/> (as an instance of the app has),
    /// its requests recorded here (a handler belongs to one client's pipeline).</summary>
    public CosmosClient NewClient(Helpdesk.Infrastructure.Azure.Cosmos.CosmosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            EnableContentResponseOnWrite = false,
            HttpClientFactory = () => new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator }),
        };
        clientOptions.CustomHandlers.Add(new Handler(this));
        return new CosmosClient(options.AccountEndpoint!.ToString(), options.AccountKey, clientOptions);
    }

    private sealed class Handler(CosmosRequestLog log) : RequestHandler
    {
        public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            log._seen.Enqueue((request.Method.Method, request.RequestUri.OriginalString, (int)response.StatusCode));
            return response;
        }
    }
}
