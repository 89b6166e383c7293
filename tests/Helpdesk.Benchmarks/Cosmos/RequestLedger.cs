using System.Globalization;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.Benchmarks.Cosmos;

/// <summary>One Cosmos DB request as the client sent it: its kind (read, create, upsert, replace, patch, delete, query,
/// or metadata for the SDK's own account/collection/partition-range look-ups), the item kind it touched (from the item
/// id), its answer, the bytes of its body and of the answer's body (reads, queries and patches only: writes are sent
/// with EnableContentResponseOnWrite off), and the answer's request charge (0 on the loopback server, which sends none).</summary>
public sealed record CosmosRequest(string Step, string Kind, string Item, int Status, long BytesWritten, long BytesRead, double Charge);

/// <summary>
/// Records every request of the clients given its <see cref="NewHandler"/> (a <see cref="RequestHandler"/> belongs to
/// one client's pipeline, so each client gets its own handler; all share the ledger). <see cref="Step"/> labels what
/// follows; <see cref="Paused"/> leaves requests out (the suite's own checks).
/// </summary>
public sealed class RequestLedger
{
    private readonly List<CosmosRequest> _requests = [];

    public string Step { get; set; } = "setup";

    public bool Paused { get; set; }

    public RequestHandler NewHandler() => new Handler(this);

    public IReadOnlyList<CosmosRequest> Snapshot()
    {
        lock (_requests)
        {
            return [.. _requests];
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    private void Add(CosmosRequest request)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }
    }

    /// <summary>The kind of a request from its method, path and headers (REST API: POST on /docs creates, or upserts with
    /// <c>x-ms-documentdb-is-upsert</c>, or queries with <c>x-ms-documentdb-isquery</c>).</summary>
    public static string KindOf(string method, string path, Func<string, string?> header)
    {
        var onDocs = path.Contains("/docs", StringComparison.Ordinal);
        if (!onDocs)
        {
            // The SDK sends creates, upserts and queries to the container's own address (dbs/{db}/colls/{coll}).
            var onContainer = path.TrimEnd('/').Split('/') is [.., "colls", _];
            return method == "POST" && onContainer
                ? IsTrue(header("x-ms-documentdb-isquery")) ? "query" : IsTrue(header("x-ms-documentdb-is-upsert")) ? "upsert" : "create"
                : "metadata";
        }

        var onItem = !path.TrimEnd('/').EndsWith("/docs", StringComparison.Ordinal);
        return method switch
        {
            "GET" when onItem => "read",
            "GET" => "query", // read feed
            "POST" when IsTrue(header("x-ms-documentdb-isquery")) || IsTrue(header("x-ms-cosmos-is-query-plan-request")) => "query",
            "POST" when IsTrue(header("x-ms-documentdb-is-upsert")) => "upsert",
            "POST" => "create",
            "PUT" => "replace",
            "PATCH" => "patch",
            "DELETE" => "delete",
            _ => method.ToLowerInvariant(),
        };
    }

    /// <summary>What an item id names (docs/cosmos-data-model.md): a ticket item's id is its bare GUID.</summary>
    public static string ItemOf(string path)
    {
        var marker = path.LastIndexOf("/docs/", StringComparison.Ordinal);
        if (marker < 0)
        {
            return path.Contains("/docs", StringComparison.Ordinal) ? "(query)" : "(account)";
        }

        var id = Uri.UnescapeDataString(path[(marker + 6)..].TrimEnd('/'));
        if (Guid.TryParse(id, out _))
        {
            return "ticket";
        }

        var dash = id.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? id : id[..dash] switch
        {
            "list" => "list-years",
            "msg" => "message-id",
            "summary" => "list item",
            "protocol" => "protocol",
            "counter" => "counter",
            "processed" => "processed",
            "member" => "roster member",
            "institution" => "institution",
            "institutions" => "institution",
            var other => other,
        };
    }

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private static long Length(Stream? stream, string? contentLength) =>
        stream is { CanSeek: true } ? stream.Length
        : long.TryParse(contentLength, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The id of the item a create or upsert sends (its body), or "?" when the body cannot be read again.</summary>
    private static string IdOf(Stream? body)
    {
        if (body is not { CanSeek: true })
        {
            return "?";
        }

        var position = body.Position;
        try
        {
            body.Position = 0;
            using var document = System.Text.Json.JsonDocument.Parse(body, new System.Text.Json.JsonDocumentOptions());
            return document.RootElement.TryGetProperty("id", out var id) ? id.GetString() ?? "?" : "?";
        }
        catch (System.Text.Json.JsonException)
        {
            return "?";
        }
        finally
        {
            body.Position = position;
        }
    }

    private sealed class Handler(RequestLedger ledger) : RequestHandler
    {
        public override async Task<ResponseMessage> SendAsync(RequestMessage request, CancellationToken cancellationToken)
        {
            var step = ledger.Step;
            var paused = ledger.Paused;
            var written = Length(request.Content, null);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!paused)
            {
                var path = request.RequestUri.OriginalString;
                var kind = KindOf(request.Method.Method, path, name => request.Headers[name]);
                // What a real account sends back: the bodies of reads, queries and patches (the store asks for the patched
                // item); not of creates, upserts and replaces, which the loopback server echoes whatever
                // EnableContentResponseOnWrite says.
                var read = kind is "read" or "query" or "patch" or "metadata" ? Length(response.Content, response.Headers["Content-Length"]) : 0;
                var item = kind switch
                {
                    "query" => "(query)",
                    "create" or "upsert" => ItemOf("/docs/" + IdOf(request.Content)),
                    _ => ItemOf(path),
                };
                ledger.Add(new CosmosRequest(step, kind, item, (int)response.StatusCode, written, read, response.Headers.RequestCharge));
            }

            return response;
        }
    }
}
