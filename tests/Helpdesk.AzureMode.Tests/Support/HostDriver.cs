using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace Helpdesk.AzureMode.Tests.Support;

/// <summary>A message in one of the driver's in-memory Service Bus queues.</summary>
public sealed record QueuedMessage(string MessageId, string Body, int DeliveryCount, string? LastError);

/// <summary>
/// A small Functions host for the deployment package, speaking the custom-handler wire protocol of
/// <c>shared/design/FUNCTIONS-HOST.md</c>: it starts the executable as host.json describes (arguments with
/// <c>%VAR%</c> expanded, <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> and the other worker variables, the app root as working
/// directory), waits for the readiness probe (any HTTP answer on 127.0.0.1), and invokes the functions declared by
/// the package's function.json files: HTTP requests forwarded unchanged under <c>/api</c> (enableForwardingHttpRequest),
/// timers fired on demand, the Cosmos DB change feed read into <c>ForwardOutbox</c>, Service Bus outputs kept in
/// in-memory queues and delivered to the queue-triggered functions, a failed delivery retried until the queue's
/// <c>maxDeliveryCount</c>, then dead-lettered. It records every function it invoked.
/// </summary>
public sealed class HostDriver : IAsyncDisposable
{
    private const string HostVersion = "4.1040.300";
    private readonly Process _process;
    private readonly HttpClient _worker;
    private readonly Dictionary<string, JsonObject> _functions;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<QueuedMessage>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<QueuedMessage>> _deadLetters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _invoked = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly SemaphoreSlim _pumpGate = new(1, 1);
    private readonly HashSet<string> _handedOver = new(StringComparer.Ordinal);

    private HostDriver(Process process, int port, Dictionary<string, JsonObject> functions, int maxDeliveryCount, Container tickets)
    {
        _process = process;
        Port = port;
        _functions = functions;
        MaxDeliveryCount = maxDeliveryCount;
        Tickets = tickets;
        _worker = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
    }

    public int Port { get; }

    public int MaxDeliveryCount { get; }

    public Container Tickets { get; }

    /// <summary>The function names of the package (one folder with a function.json each).</summary>
    public IReadOnlyCollection<string> Functions => _functions.Keys;

    /// <summary>How many times each function was invoked through the driver.</summary>
    public IReadOnlyDictionary<string, int> Invoked => _invoked;

    public IReadOnlyList<string> ProcessOutput => [.. _output];

    public IReadOnlyList<QueuedMessage> DeadLetters(string queue) => _deadLetters.TryGetValue(queue, out var q) ? [.. q] : [];

    public int Pending(string queue) => _queues.TryGetValue(queue, out var q) ? q.Count : 0;

    /// <summary>Starts the package's executable as the host does and waits for its readiness probe.</summary>
    public static async Task<HostDriver> StartAsync(string appRoot, IReadOnlyDictionary<string, string> appSettings, int maxDeliveryCount, Container tickets, TimeSpan? readinessTimeout = null)
    {
        var host = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(appRoot, "host.json")).ConfigureAwait(false))!.AsObject();
        var description = host["customHandler"]!["description"]!.AsObject();
        if (host["customHandler"]?["enableForwardingHttpRequest"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException("host.json does not enable HTTP forwarding, which this driver speaks.");
        }

        var functions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(appRoot))
        {
            var file = Path.Combine(folder, "function.json");
            if (File.Exists(file))
            {
                functions[Path.GetFileName(folder)] = JsonNode.Parse(await File.ReadAllTextAsync(file).ConfigureAwait(false))!.AsObject();
            }
        }

        var port = FreePort();
        var environment = new Dictionary<string, string>(appSettings, StringComparer.Ordinal)
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString(),
            ["FUNCTIONS_HTTPWORKER_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["FUNCTIONS_HTTPWORKER_ID"] = Guid.NewGuid().ToString(),
            ["FUNCTIONS_APP_ROOT_PATH"] = appRoot,
        };
        string Expand(string value) => System.Text.RegularExpressions.Regex.Replace(value, "%([A-Za-z0-9_]+)%", m => environment.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

        var executable = Path.Combine(appRoot, (string)description["defaultExecutablePath"]!);
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = description["workingDirectory"]?.GetValue<string>() is { Length: > 0 } dir ? Path.Combine(appRoot, dir) : appRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in description["arguments"]?.AsArray() ?? [])
        {
            start.ArgumentList.Add(Expand((string)argument!));
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + executable);
        var driver = new HostDriver(process, port, functions, maxDeliveryCount, tickets);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { driver._output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { driver._output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Readiness: any HTTP answer to GET http://127.0.0.1:{port}/ every 25 ms (FUNCTIONS-HOST.md §1).
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (readinessTimeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                using var _ = await probe.GetAsync(new Uri($"http://127.0.0.1:{port}/")).ConfigureAwait(false);
                return driver;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = string.Join('\n', driver.ProcessOutput.TakeLast(40));
                await driver.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"The handler did not answer the readiness probe (exited: {process.HasExited}).\n{output}");
            }

            await Task.Delay(25).ConfigureAwait(false);
        }
    }

    /// <summary>An HTTP request as a client sends it to the function app: the route must belong to one HTTP function
    /// of the package (methods and route template), and is forwarded to the handler unchanged.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        var function = HttpFunctionFor(path, request.Method.Method) ?? throw new InvalidOperationException($"No HTTP function of the package serves {request.Method} {path}.");
        var trigger = Trigger(function);
        if ((string?)trigger["authLevel"] == "function" && !request.Headers.Contains("x-functions-key"))
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        }

        _invoked.AddOrUpdate(function, 1, (_, n) => n + 1);
        var query = request.RequestUri.IsAbsoluteUri ? request.RequestUri.Query : (request.RequestUri.OriginalString.Contains('?', StringComparison.Ordinal) ? "?" + request.RequestUri.OriginalString.Split('?', 2)[1] : string.Empty);
        using var forwarded = new HttpRequestMessage(request.Method, new Uri(path + query, UriKind.Relative));
        foreach (var header in request.Headers.Where(h => !string.Equals(h.Key, "x-functions-key", StringComparison.OrdinalIgnoreCase)))
        {
            forwarded.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Content is not null)
        {
            // The host copies the body only when Content-Length > 0 (FUNCTIONS-HOST.md §2): buffer it.
            var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                forwarded.Content = new ByteArrayContent(bytes);
                foreach (var header in request.Content.Headers)
                {
                    forwarded.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        forwarded.Headers.TryAddWithoutValidation("X-Azure-Functions-HostVersion", HostVersion);
        forwarded.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        forwarded.Headers.UserAgent.ParseAdd($"Azure-Functions-Host/{HostVersion}");
        var response = await _worker.SendAsync(forwarded, cancellationToken).ConfigureAwait(false);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false); // the host reads the reply fully
        return response;
    }

    /// <summary>Fires a timer function now, with the documented timer payload. Returns the handler's log lines.</summary>
    public async Task<IReadOnlyList<string>> FireTimerAsync(string function, CancellationToken cancellationToken = default)
    {
        var trigger = Trigger(function);
        if ((string?)trigger["type"] != "timerTrigger")
        {
            throw new InvalidOperationException(function + " is not a timer function.");
        }

        var now = DateTime.UtcNow;
        var data = new JsonObject
        {
            [(string)trigger["name"]!] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject { ["Last"] = Seconds(now.AddMinutes(-1)), ["Next"] = Seconds(now.AddMinutes(1)), ["LastUpdated"] = Seconds(now.AddMinutes(-1)) },
                ["IsPastDue"] = false,
            },
        };
        var (ok, reply, error) = await InvokeAsync(function, data, new JsonObject(), cancellationToken).ConfigureAwait(false);
        return ok ? Logs(reply!) : throw new InvalidOperationException($"{function} failed: {error}");
    }

    /// <summary>Puts a message on a queue, as a Service Bus output or a sender would.</summary>
    public void Enqueue(string queue, string body) => Queue(queue).Enqueue(new QueuedMessage(Guid.NewGuid().ToString("N"), body, 0, null));

    /// <summary>Reads the change feed of the tickets container from where it stopped, without forwarding anything: the
    /// host's lease starting "now" (the trigger's default, startFromBeginning false).</summary>
    public async Task<int> SkipChangeFeedAsync(CancellationToken cancellationToken = default)
    {
        var skipped = 0;
        await foreach (var page in ChangeFeedPagesAsync(cancellationToken).ConfigureAwait(false))
        {
            skipped += page.Count;
        }

        return skipped;
    }

    /// <summary>Runs the pipeline until it is quiet: the change feed into ForwardOutbox, its outputs into the queues,
    /// each queue message delivered to its function, until no change and no message is left. Returns the deliveries.</summary>
    public async Task<int> RunUntilQuietAsync(CancellationToken cancellationToken = default)
    {
        await _pumpGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deliveries = 0;
            for (var round = 0; round < 200; round++)
            {
                var forwarded = await ForwardChangesAsync(cancellationToken).ConfigureAwait(false);
                var delivered = await DeliverQueuedAsync(cancellationToken).ConfigureAwait(false);
                deliveries += delivered;
                if (forwarded == 0 && delivered == 0)
                {
                    return deliveries;
                }
            }

            throw new InvalidOperationException("The pipeline did not become quiet within 200 rounds.");
        }
        finally
        {
            _pumpGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _worker.Dispose();
        _pumpGate.Dispose();
    }

    private async Task<int> ForwardChangesAsync(CancellationToken cancellationToken)
    {
        var forwarded = 0;
        var function = _functions.Single(f => (string?)Trigger(f.Key)["type"] == "cosmosDBTrigger").Key;
        var trigger = Trigger(function);
        await foreach (var page in ChangeFeedPagesAsync(cancellationToken).ConfigureAwait(false))
        {
            // The trigger hands over the compact JSON array text, double-encoded (FUNCTIONS-HOST.md §3).
            var data = new JsonObject { [(string)trigger["name"]!] = JsonSerializer.Serialize(page.ToJsonString()) };
            var (ok, reply, error) = await InvokeAsync(function, data, new JsonObject(), cancellationToken).ConfigureAwait(false);
            if (!ok)
            {
                throw new InvalidOperationException($"{function} failed on a change-feed batch: {error}");
            }

            foreach (var output in _functions[function]["bindings"]!.AsArray().Where(b => (string?)b!["direction"] == "out" && (string?)b["type"] == "serviceBus"))
            {
                if (reply!["Outputs"]?[(string)output!["name"]!] is JsonArray messages)
                {
                    foreach (var message in messages)
                    {
                        Enqueue((string)output["queueName"]!, message!.GetValueKind() == JsonValueKind.String ? (string)message! : message.ToJsonString());
                        forwarded++;
                    }
                }
            }
        }

        return forwarded;
    }

    /// <summary>The changes not handed over yet, page by page. The loopback server's change feed is read from the beginning
    /// each time (its continuation after an empty read returned nothing new), and a document version already handed
    /// over (same id and <c>_etag</c>) is left out: what the host's lease does for a real account.</summary>
    private async IAsyncEnumerable<JsonArray> ChangeFeedPagesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var feed = Tickets.GetChangeFeedStreamIterator(ChangeFeedStartFrom.Beginning(), ChangeFeedMode.LatestVersion);
        while (feed.HasMoreResults)
        {
            using var response = await feed.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                yield break;
            }

            response.EnsureSuccessStatusCode();
            var documents = (await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken).ConfigureAwait(false))!["Documents"]!.AsArray();
            var fresh = new JsonArray();
            foreach (var document in documents.ToList())
            {
                if (_handedOver.Add((string)document!["id"]! + "|" + (string?)document["_etag"]))
                {
                    documents.Remove(document);
                    fresh.Add(document);
                }
            }

            if (documents.Count == 0 && fresh.Count == 0)
            {
                yield break;
            }

            if (fresh.Count > 0)
            {
                yield return fresh;
            }
        }
    }

    private async Task<int> DeliverQueuedAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var (queue, messages) in _queues)
        {
            var function = _functions.FirstOrDefault(f => (string?)Trigger(f.Key)["type"] == "serviceBusTrigger" && (string?)Trigger(f.Key)["queueName"] == queue).Key
                ?? throw new InvalidOperationException($"No function listens on queue '{queue}'.");
            var trigger = Trigger(function);
            var count = messages.Count;
            for (var i = 0; i < count && messages.TryDequeue(out var message); i++)
            {
                var attempt = message with { DeliveryCount = message.DeliveryCount + 1 };
                // The body as a string, serialized once more by the host: "msg": "\"{...}\"" (FUNCTIONS-HOST.md §3).
                var data = new JsonObject { [(string)trigger["name"]!] = JsonSerializer.Serialize(attempt.Body) };
                var metadata = new JsonObject
                {
                    ["DeliveryCount"] = attempt.DeliveryCount.ToString(CultureInfo.InvariantCulture),
                    ["MessageId"] = JsonSerializer.Serialize(attempt.MessageId),
                    ["ContentType"] = JsonSerializer.Serialize("application/json"),
                    ["EnqueuedTimeUtc"] = Seconds(DateTime.UtcNow),
                    ["ApplicationProperties"] = new JsonObject(),
                    ["UserProperties"] = new JsonObject(),
                };
                var (ok, _, error) = await InvokeAsync(function, data, metadata, cancellationToken).ConfigureAwait(false);
                delivered++;
                if (ok)
                {
                    continue;
                }

                // Abandoned: redelivered until the queue's MaxDeliveryCount, then moved to its dead-letter sub-queue.
                var failed = attempt with { LastError = error };
                if (failed.DeliveryCount >= MaxDeliveryCount)
                {
                    _deadLetters.GetOrAdd(queue, _ => new ConcurrentQueue<QueuedMessage>()).Enqueue(failed);
                }
                else
                {
                    messages.Enqueue(failed);
                }
            }
        }

        return delivered;
    }

    /// <summary>POST /{Function} with {"Data", "Metadata"} (FUNCTIONS-HOST.md §3); success = 2xx with a JSON body.</summary>
    private async Task<(bool Ok, JsonObject? Reply, string? Error)> InvokeAsync(string function, JsonObject data, JsonObject metadata, CancellationToken cancellationToken)
    {
        _invoked.AddOrUpdate(function, 1, (_, n) => n + 1);
        metadata["sys"] = new JsonObject { ["MethodName"] = function, ["UtcNow"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture), ["RandGuid"] = Guid.NewGuid().ToString() };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + function, UriKind.Relative))
        {
            Content = new StringContent(new JsonObject { ["Data"] = data, ["Metadata"] = metadata }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd($"Azure-Functions-Host/{HostVersion}");
        request.Headers.TryAddWithoutValidation("X-Azure-Functions-HostVersion", HostVersion);
        request.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        using var response = await _worker.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var json = response.Content.Headers.ContentType?.MediaType is "application/json" or "text/json";
        if (!response.IsSuccessStatusCode || !json)
        {
            return (false, null, $"{(int)response.StatusCode} {text}");
        }

        return (true, JsonNode.Parse(text) as JsonObject ?? [], null);
    }

    private static IReadOnlyList<string> Logs(JsonObject reply) => reply["Logs"] is JsonArray logs ? [.. logs.Select(l => (string?)l ?? string.Empty)] : [];

    private ConcurrentQueue<QueuedMessage> Queue(string queue) => _queues.GetOrAdd(queue, _ => new ConcurrentQueue<QueuedMessage>());

    private JsonObject Trigger(string function) =>
        _functions[function]["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => (string?)b["direction"] == "in" && ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));

    private string? HttpFunctionFor(string path, string method)
    {
        const string Prefix = "/api/";
        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var segments = path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return _functions.Keys.Where(f => (string?)Trigger(f)["type"] == "httpTrigger").FirstOrDefault(f =>
        {
            var trigger = Trigger(f);
            return trigger["methods"]!.AsArray().Any(m => string.Equals((string?)m, method, StringComparison.OrdinalIgnoreCase)) &&
                   RouteMatches(((string)trigger["route"]!).Split('/'), segments);
        });
    }

    private static bool RouteMatches(string[] template, string[] segments)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith("{*", StringComparison.Ordinal))
            {
                return true; // catch-all, possibly empty
            }

            if (i >= segments.Length)
            {
                return false;
            }

            if (!template[i].StartsWith('{') && !string.Equals(template[i], segments[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return segments.Length == template.Length;
    }

    private static string Seconds(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
