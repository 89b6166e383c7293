using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Core;

namespace Helpdesk.Tests.Support;

/// <summary>
/// An in-memory Service Bus namespace behind an <see cref="HttpMessageHandler"/>, answering the REST runtime shapes of
/// learn.microsoft.com/rest/api/servicebus: Peek-Lock (<c>POST {entity}/messages/head</c>: 201 with a
/// <c>BrokerProperties</c> JSON header, custom properties as JSON-quoted headers and a <c>Location</c> URI; 204 when
/// empty), Unlock (<c>PUT</c> that URI: 200; 404 when not locked by that token), Delete (<c>DELETE</c> it: 200) and Send
/// (<c>POST {queue}/messages</c>: 201). Requests without a bearer token get 401. <see cref="Fail"/> scripts failures.
/// Shared (linked) by the Infrastructure and FunctionApp tests.
/// </summary>
public sealed class FakeServiceBus : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Message>> _entities = new(StringComparer.Ordinal);
    private readonly List<(Func<HttpRequestMessage, bool> Matches, HttpStatusCode Status, int Times)> _failures = [];
    private long _sequence;

    public FakeServiceBus(string host = "sb-test.servicebus.windows.net") => Namespace = new Uri("https://" + host + "/");

    public Uri Namespace { get; }

    /// <summary>Every request, in order: method, path (unescaped) and the Authorization header.</summary>
    public List<(HttpMethod Method, string Path, string? Authorization)> Requests { get; } = [];

    public sealed class Message
    {
        public required string MessageId { get; init; }
        public required string Body { get; init; }
        public long SequenceNumber { get; init; }
        public int DeliveryCount { get; set; }
        public DateTimeOffset EnqueuedAt { get; init; }
        public string? Reason { get; init; }
        public string? Description { get; init; }
        public string? LockToken { get; set; }
    }

    /// <summary>Puts a message in <c>{queue}/$DeadLetterQueue</c> as the broker does after the last delivery.</summary>
    public Message DeadLetter(string queue, string body, string? messageId = null, int deliveryCount = 10, string reason = "MaxDeliveryCountExceeded", string? description = "Message could not be consumed after 10 delivery attempts.")
    {
        lock (_gate)
        {
            var message = new Message
            {
                MessageId = messageId ?? Guid.NewGuid().ToString("N"),
                Body = body,
                SequenceNumber = ++_sequence,
                DeliveryCount = deliveryCount,
                EnqueuedAt = new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero),
                Reason = reason,
                Description = description,
            };
            Entity(queue + "/$DeadLetterQueue").Add(message);
            return message;
        }
    }

    public IReadOnlyList<Message> Messages(string entity)
    {
        lock (_gate)
        {
            return [.. Entity(entity)];
        }
    }

    /// <summary>The next <paramref name="times"/> requests with that method whose path contains <paramref name="pathPart"/> answer <paramref name="status"/>.</summary>
    public void Fail(HttpMethod method, string pathPart, HttpStatusCode status, int times = 1)
    {
        lock (_gate)
        {
            _failures.Add((r => r.Method == method && Uri.UnescapeDataString(r.RequestUri!.AbsolutePath).Contains(pathPart, StringComparison.Ordinal), status, times));
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_gate)
        {
            var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath).Trim('/');
            var authorization = request.Headers.Authorization?.ToString();
            Requests.Add((request.Method, path, authorization));
            if (request.RequestUri.Host != Namespace.Host || authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            }

            for (var i = 0; i < _failures.Count; i++)
            {
                var (matches, status, times) = _failures[i];
                if (matches(request))
                {
                    _failures[i] = (matches, status, times - 1);
                    if (times - 1 == 0)
                    {
                        _failures.RemoveAt(i);
                    }

                    var failure = new HttpResponseMessage(status);
                    if (status == HttpStatusCode.TooManyRequests)
                    {
                        failure.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
                    }

                    return failure;
                }
            }

            var segments = path.Split('/');
            var messagesAt = Array.LastIndexOf(segments, "messages");
            if (messagesAt < 1)
            {
                return new HttpResponseMessage(HttpStatusCode.BadRequest);
            }

            var entity = string.Join('/', segments[..messagesAt]);
            var rest = segments[(messagesAt + 1)..];
            return (request.Method.Method, rest.Length) switch
            {
                ("POST", 1) when rest[0] == "head" => PeekLock(entity),
                ("POST", 0) => Send(entity, request, body ?? ""),
                ("PUT", 2) => Unlock(entity, rest[0], rest[1], delete: false),
                ("DELETE", 2) => Unlock(entity, rest[0], rest[1], delete: true),
                _ => new HttpResponseMessage(HttpStatusCode.BadRequest),
            };
        }
    }

    private List<Message> Entity(string entity)
    {
        if (!_entities.TryGetValue(entity, out var list))
        {
            list = [];
            _entities[entity] = list;
        }

        return list;
    }

    private HttpResponseMessage PeekLock(string entity)
    {
        var message = Entity(entity).FirstOrDefault(m => m.LockToken is null);
        if (message is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        message.LockToken = Guid.NewGuid().ToString();
        var response = new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(message.Body, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("BrokerProperties", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["DeliveryCount"] = message.DeliveryCount,
            ["EnqueuedSequenceNumber"] = 0,
            ["EnqueuedTimeUtc"] = message.EnqueuedAt.ToString("R", CultureInfo.InvariantCulture),
            ["LockToken"] = message.LockToken,
            ["LockedUntilUtc"] = message.EnqueuedAt.AddMinutes(1).ToString("R", CultureInfo.InvariantCulture),
            ["MessageId"] = message.MessageId,
            ["SequenceNumber"] = message.SequenceNumber,
            ["State"] = "Active",
            ["TimeToLive"] = 922337203685.47754,
        }));
        if (message.Reason is not null)
        {
            response.Headers.TryAddWithoutValidation("DeadLetterReason", JsonSerializer.Serialize(message.Reason));
        }

        if (message.Description is not null)
        {
            response.Headers.TryAddWithoutValidation("DeadLetterErrorDescription", JsonSerializer.Serialize(message.Description));
        }

        response.Headers.Location = new Uri(Namespace, $"{entity}/messages/{message.SequenceNumber}/{message.LockToken}");
        return response;
    }

    private HttpResponseMessage Unlock(string entity, string reference, string lockToken, bool delete)
    {
        var list = Entity(entity);
        var message = list.FirstOrDefault(m => (m.MessageId == reference || m.SequenceNumber.ToString(CultureInfo.InvariantCulture) == reference) && m.LockToken == lockToken);
        if (message is null)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (delete)
        {
            list.Remove(message);
        }
        else
        {
            message.LockToken = null;
        }

        return new HttpResponseMessage(HttpStatusCode.OK);
    }

    private HttpResponseMessage Send(string entity, HttpRequestMessage request, string body)
    {
        var messageId = request.Headers.TryGetValues("BrokerProperties", out var values)
            && JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(string.Join(",", values)) is { } props
            && props.TryGetValue("MessageId", out var id)
            ? id.GetString()!
            : Guid.NewGuid().ToString("N");
        Entity(entity).Add(new Message { MessageId = messageId, Body = body, SequenceNumber = ++_sequence, EnqueuedAt = DateTimeOffset.UnixEpoch });
        return new HttpResponseMessage(HttpStatusCode.Created);
    }
}

/// <summary>A credential that hands out numbered tokens and counts how often it was asked.</summary>
public sealed class CountingCredential : TokenCredential
{
    private int _issued;

    public int Issued => _issued;

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken("token-" + Interlocked.Increment(ref _issued), DateTimeOffset.MaxValue);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
