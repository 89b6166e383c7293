using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>A request the Graph stand-in received (path unescaped).</summary>
public sealed record GraphStandInCall(string Method, string PathAndQuery, string? Authorization, string? Prefer, string Body);

/// <summary>A message the app sent through the stand-in (<c>send</c> on a draft), with the files attached to the draft
/// (directly or through an upload session).</summary>
public sealed record GraphSentMail(string DraftId, string To, string Subject, string Text, string? ReplyToMessageId, string InternetMessageId)
{
    public IReadOnlyList<GraphStandInFile> Attachments { get; init; } = [];
}

/// <summary>A file attachment of a message in the stand-in's mailbox (<c>#microsoft.graph.fileAttachment</c>).
/// <see cref="ViaUploadSession"/>: it reached a draft through an upload session.</summary>
public sealed record GraphStandInFile(string Name, string ContentType, byte[] Bytes, bool IsInline = false, string? ContentId = null)
{
    public bool ViaUploadSession { get; init; }
}

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
    private readonly ConcurrentDictionary<string, UploadSession> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<GraphStandInFile>> _files = new(StringComparer.Ordinal);
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

    /// <summary>The Graph adapter's options pointed at this stand-in (token from <paramref name="authority"/>; null: Entra's).</summary>
    public Helpdesk.Infrastructure.Azure.Graph.GraphOptions ClientOptions(Uri? authority) => new()
    {
        TenantId = "84bd8158-6d4d-4958-8b9f-9d6445542f95",
        ClientId = "24d3b144-21ae-4080-943f-7067b395b913",
        ClientSecret = "not-a-real-secret",
        MailboxUserId = Mailbox,
        ClientState = "s3cr3t-client-state-1234",
        NotificationUrl = new Uri("https://helpdesk.example.gov.br/api/graph/notifications"),
        BaseUrl = BaseUrl,
        AuthorityHost = authority,
    };

    public IReadOnlyList<GraphStandInCall> Calls => [.. _calls];

    public IReadOnlyList<GraphSentMail> Sent => [.. _sent];

    public IReadOnlyList<JsonObject> Subscriptions => [.. _subscriptions.Values];

    /// <summary>Called with the notification URL and a validation token when a subscription is created; returns the text
    /// the webhook echoed (Graph refuses the subscription unless it is the token). Null: no handshake.</summary>
    public Func<Uri, string, Task<string>>? Validate { get; set; }

    /// <summary>Holds every <c>POST /subscriptions</c> until it completes (to show that start-up does not wait for it).</summary>
    public Task SubscriptionGate { get; set; } = Task.CompletedTask;

    /// <summary>Puts a message in the support mailbox's inbox and returns its (immutable) id.</summary>
    public string Deliver(string internetMessageId, string from, string subject, string text, string? inReplyTo = null, IEnumerable<string>? references = null, IReadOnlyList<GraphStandInFile>? files = null, string? html = null)
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
            ["hasAttachments"] = files?.Any(f => !f.IsInline) == true, // as Graph: false when every attachment is inline
            ["internetMessageId"] = "<" + internetMessageId + ">",
            ["subject"] = subject,
            ["body"] = html is null ? new JsonObject { ["contentType"] = "text", ["content"] = text } : new JsonObject { ["contentType"] = "html", ["content"] = html },
            ["attachments"] = new JsonArray([.. (files ?? []).Select((f, i) => (JsonNode)new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fileAttachment",
                ["id"] = $"AAMkAtt{i}=",
                ["name"] = f.Name,
                ["contentType"] = f.ContentType,
                ["size"] = f.Bytes.Length,
                ["isInline"] = f.IsInline,
                ["contentId"] = f.ContentId,
                ["contentBytes"] = Convert.ToBase64String(f.Bytes),
            })]),
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
        byte[] raw;
        using (var buffer = new MemoryStream())
        {
            await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
            raw = buffer.ToArray();
        }

        var body = Encoding.UTF8.GetString(raw);

        var path = Uri.UnescapeDataString(request.Url!.PathAndQuery);
        _calls.Enqueue(new GraphStandInCall(request.HttpMethod, path, request.Headers["Authorization"], request.Headers["Prefer"], body));
        HttpStatusCode status;
        string? json;
        try
        {
            (status, json) = request.HttpMethod == "PUT" && request.Url.AbsolutePath.StartsWith("/upload/", StringComparison.Ordinal)
                ? Upload(request.Url.AbsolutePath["/upload/".Length..], request.Headers["Content-Range"], raw)
                : await RouteAsync(request.HttpMethod, request.Url.AbsolutePath, request.QueryString, request.Headers["Authorization"], body).ConfigureAwait(false);
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

        if (segments is ["users", _, "mailFolders", _, "messages", "delta" or "delta()"] && method == "GET")
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
                var found = new JsonArray([.. _messages.Values.Where(m => wanted is null || (string?)m["internetMessageId"] == wanted).Select(m => (JsonNode)Select(m, query["$select"], query["$expand"]))]);
                return (HttpStatusCode.OK, new JsonObject { ["value"] = found }.ToJsonString());
            case ("POST", 3):
                return (HttpStatusCode.Created, Draft(JsonNode.Parse(body)!.AsObject(), replyTo: null).ToJsonString());
            case ("GET", 4):
                return _messages.TryGetValue(segments[3], out var message)
                    ? (HttpStatusCode.OK, Select(message, query["$select"], query["$expand"]).ToJsonString())
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
            case ("POST", 5) when segments[4] == "attachments":
                if (!_messages.TryGetValue(segments[3], out var target) || target["isDraft"]?.GetValue<bool>() != true)
                {
                    return (HttpStatusCode.NotFound, Error("ErrorItemNotFound", "The specified object was not found in the store."));
                }

                var attachment = JsonNode.Parse(body)!.AsObject();
                if ((string?)attachment["@odata.type"] != "#microsoft.graph.fileAttachment" || attachment["contentBytes"] is null)
                {
                    return (HttpStatusCode.BadRequest, Error("ErrorInvalidRequest", "A file attachment needs @odata.type and contentBytes."));
                }

                var bytes = Convert.FromBase64String((string)attachment["contentBytes"]!);
                if (bytes.Length >= 3 * 1024 * 1024)
                {
                    return (HttpStatusCode.RequestEntityTooLarge, Error("ErrorRequestEntityTooLarge", "Use an upload session for attachments of 3 MB or more."));
                }

                _files.GetOrAdd(segments[3], _ => new()).Enqueue(new GraphStandInFile((string)attachment["name"]!, (string?)attachment["contentType"] ?? "application/octet-stream", bytes));
                attachment["id"] = "AAMkAtt" + Guid.NewGuid().ToString("N");
                return (HttpStatusCode.Created, attachment.ToJsonString());
            case ("POST", 6) when segments[4] == "attachments" && segments[5] == "createUploadSession":
                if (!_messages.TryGetValue(segments[3], out var sessionDraft) || sessionDraft["isDraft"]?.GetValue<bool>() != true)
                {
                    return (HttpStatusCode.NotFound, Error("ErrorItemNotFound", "The specified object was not found in the store."));
                }

                var item = JsonNode.Parse(body)!["AttachmentItem"] ?? JsonNode.Parse(body)!["attachmentItem"]!;
                var sessionId = Guid.NewGuid().ToString("N");
                _uploads[sessionId] = new UploadSession(segments[3], (string)item["name"]!, (string?)item["contentType"] ?? "application/octet-stream", new byte[(long)item["size"]!]);
                return (HttpStatusCode.Created, new JsonObject
                {
                    ["uploadUrl"] = new Uri(Root, "upload/" + sessionId).ToString(),
                    ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                    ["nextExpectedRanges"] = new JsonArray("0-"),
                }.ToJsonString());
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
                    (string)draft["internetMessageId"]!)
                {
                    Attachments = _files.TryGetValue(segments[3], out var attached) ? [.. attached] : [],
                });
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

    /// <summary>The inbox as a delta query returns it: without attachments (delta cannot expand them).</summary>
    private JsonArray Inbox() => new([.. _messages.Values.Where(m => m["isDraft"]?.GetValue<bool>() != true && m["replyTo"] is null).Select(m =>
    {
        var copy = (JsonObject)m.DeepClone();
        copy.Remove("attachments");
        return (JsonNode)copy;
    })]);

    /// <summary>The upload URL of an upload session (pre-authenticated: no token): slices with <c>Content-Range</c>; the
    /// last one adds the file to the draft (201), the others answer the next expected range (200).</summary>
    private (HttpStatusCode, string?) Upload(string sessionId, string? contentRange, byte[] slice)
    {
        var match = System.Text.RegularExpressions.Regex.Match(contentRange ?? string.Empty, @"^bytes (\d+)-(\d+)/(\d+)$");
        if (!_uploads.TryGetValue(sessionId, out var session) || !match.Success)
        {
            return (HttpStatusCode.NotFound, Error("ErrorItemNotFound", "Unknown upload session or no Content-Range."));
        }

        var from = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var to = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (to - from + 1 != slice.Length || from != session.Received || slice.Length > 4 * 1024 * 1024)
        {
            return (HttpStatusCode.BadRequest, Error("ErrorInvalidRange", "The slice does not match its Content-Range or the next expected range."));
        }

        slice.CopyTo(session.Content, from);
        session.Received = to + 1;
        if (session.Received < session.Content.Length)
        {
            return (HttpStatusCode.OK, new JsonObject { ["nextExpectedRanges"] = new JsonArray($"{session.Received}-") }.ToJsonString());
        }

        _uploads.TryRemove(sessionId, out _);
        _files.GetOrAdd(session.DraftId, _ => new()).Enqueue(new GraphStandInFile(session.Name, session.ContentType, session.Content) { ViaUploadSession = true });
        return (HttpStatusCode.Created, null);
    }

    private sealed record UploadSession(string DraftId, string Name, string ContentType, byte[] Content)
    {
        public int Received { get; set; }
    }

    private static JsonObject Select(JsonObject message, string? select, string? expand = null)
    {
        if (string.IsNullOrEmpty(select))
        {
            return (JsonObject)message.DeepClone();
        }

        var fields = select.Split(',');
        var expanded = (expand ?? string.Empty).Split(',');
        var selected = new JsonObject();
        foreach (var (name, value) in message)
        {
            if (name == "id" || fields.Contains(name, StringComparer.OrdinalIgnoreCase) || expanded.Contains(name, StringComparer.OrdinalIgnoreCase))
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
