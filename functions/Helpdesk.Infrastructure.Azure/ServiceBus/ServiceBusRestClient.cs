using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Azure.ServiceBus;

/// <summary>
/// The four Service Bus REST runtime operations the dead-letter adapter needs (learn.microsoft.com/rest/api/servicebus):
/// Peek-Lock Message (<c>POST {entity}/messages/head?timeout=n</c>: 201 with the message, 204 when none), Unlock Message
/// (<c>PUT</c> on the locked message's URI), Delete Message (<c>DELETE</c> on it) and Send Message (<c>POST {queue}/messages</c>:
/// 201). Authenticated with Entra ID bearer tokens. 429, 500, 503 and connection failures are retried with exponential
/// back-off (honouring <c>Retry-After</c>); a 401 is retried once with a fresh token; anything else, or exhausted
/// retries, is a <see cref="DeadLetterQueueUnavailableException"/> naming the operation and status, never a body.
/// </summary>
public sealed class ServiceBusRestClient(HttpClient http, TokenCredential credential, ServiceBusRestOptions options, TimeProvider clock)
{
    private AccessToken? _token;

    /// <summary>Locks the next message of <paramref name="entityPath"/> (a queue, or <c>{queue}/$DeadLetterQueue</c>); null when there is none.</summary>
    public async Task<LockedMessage?> PeekLockAsync(string entityPath, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Namespace, $"{EscapePath(entityPath)}/messages/head?timeout={options.PeekTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
        using var response = await SendAsync("peek-lock", () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent([]) }, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        Expect(response, "peek-lock", HttpStatusCode.Created, HttpStatusCode.OK);
        var broker = ReadBrokerProperties(response);
        var messageId = broker.TryGetValue("MessageId", out var id) ? id.GetString() : null;
        var lockToken = broker.TryGetValue("LockToken", out var token) ? token.GetString() : null;
        if (string.IsNullOrEmpty(messageId) || string.IsNullOrEmpty(lockToken))
        {
            throw new DeadLetterQueueUnavailableException("Service Bus peek-lock answered without MessageId or LockToken in BrokerProperties.");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new LockedMessage(
            messageId,
            lockToken,
            broker.TryGetValue("SequenceNumber", out var seq) && seq.TryGetInt64(out var s) ? s : 0,
            broker.TryGetValue("DeliveryCount", out var dc) && dc.TryGetInt32(out var d) ? d : 0,
            broker.TryGetValue("EnqueuedTimeUtc", out var et) && DateTimeOffset.TryParse(et.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var enqueued) ? enqueued : null,
            CustomProperty(response, "DeadLetterReason"),
            CustomProperty(response, "DeadLetterErrorDescription"),
            body,
            LockUriOf(response, entityPath, messageId, lockToken));
    }

    /// <summary>Releases the lock so that the message stays where it was, for other receivers (Unlock Message).</summary>
    public async Task UnlockAsync(LockedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var response = await SendAsync("unlock", () => new HttpRequestMessage(HttpMethod.Put, message.LockUri) { Content = new ByteArrayContent([]) }, cancellationToken).ConfigureAwait(false);
        Expect(response, "unlock", HttpStatusCode.OK, HttpStatusCode.NoContent);
    }

    /// <summary>Completes the locked message: it leaves its (sub-)queue for good (Delete Message).</summary>
    public async Task DeleteAsync(LockedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var response = await SendAsync("delete", () => new HttpRequestMessage(HttpMethod.Delete, message.LockUri), cancellationToken).ConfigureAwait(false);
        Expect(response, "delete", HttpStatusCode.OK, HttpStatusCode.NoContent);
    }

    /// <summary>Sends <paramref name="body"/> unchanged to <paramref name="queue"/> with the given MessageId (Send Message).</summary>
    public async Task SendAsync(string queue, string body, string messageId, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Namespace, $"{EscapePath(queue)}/messages");
        var brokerProperties = JsonSerializer.Serialize(new Dictionary<string, string> { ["MessageId"] = messageId });
        using var response = await SendAsync("send", () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("BrokerProperties", brokerProperties);
            return request;
        }, cancellationToken).ConfigureAwait(false);
        Expect(response, "send", HttpStatusCode.Created, HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> SendAsync(string operation, Func<HttpRequestMessage> makeRequest, CancellationToken cancellationToken)
    {
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            using (var request = makeRequest())
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false));
                try
                {
                    response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (attempt < options.MaxAttempts)
                {
                    _ = ex;
                    await Task.Delay(Backoff(attempt, null), clock, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (HttpRequestException ex)
                {
                    throw new DeadLetterQueueUnavailableException($"Service Bus {operation} failed: {ex.Message}", ex);
                }
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken)
            {
                // An expired or revoked token: one more try with a fresh one.
                response.Dispose();
                refreshedToken = true;
                await TokenAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (IsTransient(response.StatusCode) && attempt < options.MaxAttempts)
            {
                var delay = Backoff(attempt, response.Headers.RetryAfter);
                response.Dispose();
                await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return response;
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan Backoff(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var delay = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : options.BaseDelay * Math.Pow(2, attempt - 1));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxDelay ? options.MaxDelay : delay;
    }

    private async Task<string> TokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        // Two requests racing here may both fetch a token: harmless (the credential caches too), so no lock.
        if (!forceRefresh && _token is { } cached && cached.ExpiresOn - TimeSpan.FromMinutes(5) > clock.GetUtcNow())
        {
            return cached.Token;
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext([options.Scope]), cancellationToken).ConfigureAwait(false);
        _token = token;
        return token.Token;
    }

    private static void Expect(HttpResponseMessage response, string operation, params HttpStatusCode[] expected)
    {
        if (expected.Contains(response.StatusCode))
        {
            return;
        }

        var status = (int)response.StatusCode;
        throw new DeadLetterQueueUnavailableException(response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"Service Bus refused the {operation} ({status}): the app's identity needs the Azure Service Bus Data Receiver and Data Sender roles on the queues.",
            HttpStatusCode.NotFound or HttpStatusCode.Gone => $"Service Bus {operation}: the queue or the message lock does not exist ({status}).",
            _ => $"Service Bus {operation} failed with HTTP {status}.",
        });
    }

    private static Dictionary<string, JsonElement> ReadBrokerProperties(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("BrokerProperties", out var values))
        {
            throw new DeadLetterQueueUnavailableException("Service Bus peek-lock answered without a BrokerProperties header.");
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(string.Join(",", values)) ?? [];
        }
        catch (JsonException ex)
        {
            throw new DeadLetterQueueUnavailableException("Service Bus peek-lock answered with a BrokerProperties header that is not JSON.", ex);
        }
    }

    /// <summary>A custom message property arrives as a response header of its own name; string values come JSON-quoted.</summary>
    private static string? CustomProperty(HttpResponseMessage response, string name)
    {
        if (!response.Headers.TryGetValues(name, out var values) && !response.Content.Headers.TryGetValues(name, out values))
        {
            return null;
        }

        var raw = string.Join(",", values);
        if (raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(raw);
            }
            catch (JsonException)
            {
                return raw[1..^1];
            }
        }

        return raw;
    }

    /// <summary>The docs give the locked message's URI in <c>Location</c>; used when it points at our namespace, else
    /// built from its parts (<c>{entity}/messages/{messageId}/{lockToken}</c>).</summary>
    private Uri LockUriOf(HttpResponseMessage response, string entityPath, string messageId, string lockToken)
    {
        if (response.Headers.Location is { } location)
        {
            var absolute = location.IsAbsoluteUri ? location : new Uri(options.Namespace, location);
            if (string.Equals(absolute.Host, options.Namespace.Host, StringComparison.OrdinalIgnoreCase) && absolute.Port == options.Namespace.Port && absolute.Scheme == options.Namespace.Scheme)
            {
                return absolute;
            }
        }

        return new Uri(options.Namespace, $"{EscapePath(entityPath)}/messages/{Uri.EscapeDataString(messageId)}/{Uri.EscapeDataString(lockToken)}");
    }

    /// <summary>Entity paths are our queue names (and <c>$DeadLetterQueue</c>, whose <c>$</c> must stay literal): checked, not escaped.</summary>
    private static string EscapePath(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '$')
            ? path
            : throw new ArgumentException($"'{path}' is not a Service Bus entity path.", nameof(path));
}
