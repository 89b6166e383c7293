using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>A request the Graph stand-in received (path unescaped).</summary>
public sealed record GraphStandInCall(string Method, string PathAndQuery, string? Authorization, string? Prefer, string Body);

/// <summary>A message the app sent through the stand-in (<c>send</c> on a draft).</summary>
public sealed record GraphSentMail(string DraftId, string To, string Subject, string Text, string? ReplyToMessageId, string InternetMessageId);

/// <summary>
/// Microsoft Graph and its token endpoint on a loopback port over plain http, for the app started with
/// <c>Graph__BaseUrl</c> = <see cref="BaseUrl"/> and <c>Graph__AuthorityHost</c> = <see cref="AuthorityHost"/>. It answers
/// what the Graph adapter calls, in Graph v1.0's documented shapes: the client-credentials token request, subscriptions
/// (list, create with the validation handshake, renew), messages (GET, <c>$value</c>, the <c>internetMessageId</c>
/// filter, new draft, <c>createReply</c>, <c>send</c>) and the inbox delta. Every Graph request must carry a token
/// this stand-in issued (401 otherwise), so a client that does not attach its token to this host fails.
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    public const string Mailbox = "suporte@contoso.gov.br";

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<GraphStandInCall> _calls = new();
    private readonly ConcurrentDictionary<string, JsonObject> _messages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _subscriptions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<GraphSentMail> _sent = new();
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private int _counter;

    public GraphStandIn()
    {
        var port = FreePort();
        Root = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Root.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Root { get; }

    public Uri BaseUrl => new(Root, "v1.0");

    public Uri AuthorityHost => Root;

    public IReadOnlyList<GraphStandInCall> Calls => [.. _calls];

    public IReadOnlyList<GraphSentMail> Sent => [.. _sent];

    public IReadOnlyList<JsonObject> Subscriptions => [.. _subscriptions.Values];

    /// <summary>Called with the notification URL and a validation token when a subscription is created; returns the text
    /// the webhook echoed (Graph refuses the subscription unless it is the token). Null: no handshake.</summary>
    public Func<Uri, string, Task<string>>? Validate { get; set; }

    /// <summary>Holds every <c>POST /subscriptions</c> until it completes (to show that start-up does not wait for it).</summary>
    public Task SubscriptionGate { get; set; } = Task.CompletedTask;

    /// <summary>Puts a message in the support mailbox's inbox and returns its (immutable) id.</summary>
    public string Deliver(string internetMessageId, string from, string subject, string text, string? inReplyTo = null, IEnumerable<string>? references = null)
    {
        var id = "AAMk" + Interlocked.Increment(ref _counter).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "=";
        var headers = new JsonArray
        {
            Header("Received", "from mx.ifsp.edu.br by outlook.office365.com"),
            Header("Message-ID", "<" + internetMessageId + ">"),
        };
        if (inReplyTo is not null)
        {
            headers.Add(Header("In-Reply-To", inReplyTo));
        }

        if (references is not null)
        {
            headers.Add(Header("References", string.Join(' ', references)));
        }

        _messages[id] = new JsonObject
        {
            ["id"] = id,
            ["receivedDateTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["hasAttachments"] = false,
            ["internetMessageId"] = "<" + internetMessageId + ">",
            ["subject"] = subject,
            ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = text },
            ["sender"] = Address(from),
            ["from"] = Address(from),
            ["internetMessageHeaders"] = headers,
            ["isDraft"] = false,
        };
        return id;
    }

    /// <summary>A change notification for <paramref name="messageId"/> as Graph posts it to the webhook.</summary>
    public static string Notification(string messageId, string clientState, string subscriptionId = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07") => new JsonObject
    {
        ["value"] = new JsonArray
        {
            new JsonObject
            {
                ["subscriptionId"] = subscriptionId,
                ["subscriptionExpirationDateTime"] = DateTimeOffset.UtcNow.AddDays(3).ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["changeType"] = "created",
                ["resource"] = $"Users/{Mailbox}/Messages/{messageId}",
                ["clientState"] = clientState,
                ["tenantId"] = "84bd8158-6d4d-4958-8b9f-9d6445542f95",
                ["resourceData"] = new JsonObject
                {
                    ["@odata.type"] = "#Microsoft.Graph.Message",
                    ["@odata.id"] = $"Users/{Mailbox}/Messages/{messageId}",
                    ["id"] = messageId,
                },
            },
        },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }
        catch (HttpListenerException)
        {
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        var path = Uri.UnescapeDataString(request.Url!.PathAndQuery);
        _calls.Enqueue(new GraphStandInCall(request.HttpMethod, path, request.Headers["Authorization"], request.Headers["Prefer"], body));
        HttpStatusCode status;
        string? json;
        try
        {
            (status, json) = await RouteAsync(request.HttpMethod, request.Url.AbsolutePath, request.QueryString, request.Headers["Authorization"], body).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a stand-in answers 500 as the real service would, and the test sees it
        catch (Exception e)
#pragma warning restore CA1031
        {
            (status, json) = (HttpStatusCode.InternalServerError, Error("InternalServerError", e.Message));
        }

        context.Response.StatusCode = (int)status;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = json.StartsWith('{') ? "application/json" : "message/rfc822";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }

        context.Response.Close();
    }

    private async Task<(HttpStatusCode, string?)> RouteAsync(string method, string rawPath, System.Collections.Specialized.NameValueCollection query, string? authorization, string body)
    {
        var path = Uri.UnescapeDataString(rawPath);
        if (method == "POST" && path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = System.Web.HttpUtility.ParseQueryString(body);
            if (form["grant_type"] != "client_credentials" || string.IsNullOrEmpty(form["client_id"]) || string.IsNullOrEmpty(form["client_secret"]))
            {
                return (HttpStatusCode.BadRequest, "{\"error\":\"invalid_request\"}");
            }

            var token = "standin-" + Guid.NewGuid().ToString("N");
            _tokens[token] = 0;
            return (HttpStatusCode.OK, new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3599, ["access_token"] = token }.ToJsonString());
        }

        if (!path.StartsWith("/v1.0/", StringComparison.Ordinal))
        {
            return (HttpStatusCode.NotFound, Error("NotFound", "unknown path"));
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return (HttpStatusCode.Unauthorized, Error("InvalidAuthenticationToken", "Access token is empty."));
        }

        var segments = path["/v1.0/".Length..].Split('/');
        if (segments[0] == "subscriptions")
        {
            return await SubscriptionsAsync(method, segments, body).ConfigureAwait(false);
        }

        if (segments is ["users", _, "mailFolders", _, "messages", "delta"] && method == "GET")
        {
            return (HttpStatusCode.OK, new JsonObject { ["@odata.deltaLink"] = BaseUrl + "/delta?$deltatoken=1", ["value"] = Inbox() }.ToJsonString());
        }

        if (segments is not ["users", _, "messages", ..])
        {
            return (HttpStatusCode.NotFound, Error("NotFound", "unknown resource"));
        }

        switch (method, segments.Length)
        {
            case ("GET", 3):
                var filter = query["$filter"] ?? string.Empty;
                const string Prefix = "internetMessageId eq '";
                var wanted = filter.StartsWith(Prefix, StringComparison.Ordinal) ? filter[Prefix.Length..^1].Replace("''", "'", StringComparison.Ordinal) : null;
                var found = new JsonArray([.. _messages.Values.Where(m => wanted is null || (string?)m["internetMessageId"] == wanted).Select(m => (JsonNode)Select(m, query["$select"]))]);
                return (HttpStatusCode.OK, new JsonObject { ["value"] = found }.ToJsonString());
            case ("POST", 3):
                return (HttpStatusCode.Created, Draft(JsonNode.Parse(body)!.AsObject(), replyTo: null).ToJsonString());
            case ("GET", 4):
                return _messages.TryGetValue(segments[3], out var message)
                    ? (HttpStatusCode.OK, Select(message, query["$select"]).ToJsonString())
                    : (HttpStatusCode.NotFound, Error("ErrorItemNotFound", "The specified object was not found in the store."));
            case ("GET", 5) when segments[4] == "$value":
                return _messages.TryGetValue(segments[3], out var raw)
                    ? (HttpStatusCode.OK, $"Message-ID: {raw["internetMessageId"]}\r\nSubject: {raw["subject"]}\r\nFrom: {raw["from"]!["emailAddress"]!["address"]}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{raw["body"]!["content"]}")
                    : (HttpStatusCode.NotFound, Error("ErrorItemNotFound", "The specified object was not found in the store."));
            case ("POST", 5) when segments[4] == "createReply":
                if (!_messages.TryGetValue(segments[3], out var original))
                {
                    return (HttpStatusCode.NotFound, Error("ErrorItemNotFound", "The specified object was not found in the store."));
                }

                // The SDK writes the action's parameters as Graph's metadata names them ("Message"); Graph reads them in any case.
                var reply = JsonNode.Parse(body)!.AsObject().FirstOrDefault(p => string.Equals(p.Key, "message", StringComparison.OrdinalIgnoreCase)).Value?.AsObject() ?? [];
                return (HttpStatusCode.Created, Draft(reply, original).ToJsonString());
            case ("POST", 5) when segments[4] == "send":
                if (!_messages.TryGetValue(segments[3], out var draft) || draft["isDraft"]?.GetValue<bool>() != true)
                {
                    return (HttpStatusCode.NotFound, Error("ErrorItemNotFound", "The specified object was not found in the store."));
                }

                draft["isDraft"] = false;
                _sent.Enqueue(new GraphSentMail(
                    segments[3],
                    (string)draft["toRecipients"]![0]!["emailAddress"]!["address"]!,
                    (string?)draft["subject"] ?? string.Empty,
                    (string?)draft["body"]?["content"] ?? string.Empty,
                    (string?)draft["replyTo"],
                    (string)draft["internetMessageId"]!));
                return (HttpStatusCode.Accepted, null);
            default:
                return (HttpStatusCode.NotFound, Error("NotFound", "unknown resource"));
        }
    }

    private async Task<(HttpStatusCode, string?)> SubscriptionsAsync(string method, string[] segments, string body)
    {
        switch (method, segments.Length)
        {
            case ("GET", 1):
                return (HttpStatusCode.OK, new JsonObject { ["value"] = new JsonArray([.. _subscriptions.Values.Select(s => s.DeepClone())]) }.ToJsonString());
            case ("POST", 1):
                await SubscriptionGate.ConfigureAwait(false);
                var requested = JsonNode.Parse(body)!.AsObject();
                if (Validate is { } validate)
                {
                    var token = "Validation: Testing client application reachability for subscription Request-Id: " + Guid.NewGuid();
                    var echoed = await validate(new Uri((string)requested["notificationUrl"]!), token).ConfigureAwait(false);
                    if (echoed != token)
                    {
                        return (HttpStatusCode.BadRequest, Error("ValidationError", "Subscription validation request failed. Response must exactly match validationToken query parameter."));
                    }
                }

                var id = Guid.NewGuid().ToString();
                requested["id"] = id;
                _subscriptions[id] = requested;
                return (HttpStatusCode.Created, requested.ToJsonString());
            case ("PATCH", 2):
                if (!_subscriptions.TryGetValue(segments[1], out var subscription))
                {
                    return (HttpStatusCode.NotFound, Error("ResourceNotFound", "The object was not found."));
                }

                subscription["expirationDateTime"] = JsonNode.Parse(body)!["expirationDateTime"]!.DeepClone();
                return (HttpStatusCode.OK, subscription.ToJsonString());
            default:
                return (HttpStatusCode.NotFound, Error("NotFound", "unknown resource"));
        }
    }

    private JsonObject Draft(JsonObject message, JsonObject? replyTo)
    {
        var id = "AAMkDraft" + Interlocked.Increment(ref _counter).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + "=";
        var draft = (JsonObject)message.DeepClone();
        draft["id"] = id;
        draft["isDraft"] = true;
        draft["internetMessageId"] = $"<{Guid.NewGuid():N}@contoso.gov.br>";
        if (replyTo is not null)
        {
            // createReply addresses the draft to the original's sender unless the request names recipients.
            if (draft["toRecipients"] is not JsonArray { Count: > 0 })
            {
                draft["toRecipients"] = new JsonArray(replyTo["from"]!.DeepClone());
            }

            draft["subject"] ??= "RE: " + (string?)replyTo["subject"];
            draft["replyTo"] = (string?)replyTo["id"];
            draft["conversationId"] = "conversation-of-" + (string?)replyTo["id"];
        }

        _messages[id] = draft;
        return draft;
    }

    private JsonArray Inbox() => new([.. _messages.Values.Where(m => m["isDraft"]?.GetValue<bool>() != true && m["replyTo"] is null).Select(m => (JsonNode)m.DeepClone())]);

    private static JsonObject Select(JsonObject message, string? select)
    {
        if (string.IsNullOrEmpty(select))
        {
            return (JsonObject)message.DeepClone();
        }

        var fields = select.Split(',');
        var selected = new JsonObject();
        foreach (var (name, value) in message)
        {
            if (name == "id" || fields.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                selected[name] = value?.DeepClone();
            }
        }

        return selected;
    }

    private static JsonObject Header(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static JsonObject Address(string address) => new() { ["emailAddress"] = new JsonObject { ["name"] = address, ["address"] = address } };

    private static string Error(string code, string message) => new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
