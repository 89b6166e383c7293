using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Helpdesk.Benchmarks.Intake;

/// <summary>
/// E-mail to acknowledgment, end to end on the embedded defaults: the real server on loopback, raw messages POSTed to
/// /api/mailbox/messages, and the time until the requester's acknowledgment .eml quoting the protocol is on disk
/// (intake, SQLite commit, outbox dispatch through the invocation endpoint, MimeKit write, atomic rename).
/// </summary>
public sealed class IntakeLatencySuite : IBenchmarkSuite
{
    private const int Messages = 1_000;
    private const int Concurrency = 4;

    public string Name => "intake";

    public string Description => "POST of an e-mail to its acknowledgment .eml on disk, 1,000 messages (p50/p99)";

    public int Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(TextWriter output)
    {
        await using var server = await EmbeddedServer.StartAsync("intake").ConfigureAwait(false);
        {
            var address = server.Address;
            var sent = Path.Combine(server.DataDirectory, "mailbox", "sent");
            Directory.CreateDirectory(sent);

            var clock = Stopwatch.StartNew();
            var posted = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
            var acknowledged = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
            using var watcher = new FileSystemWatcher(sent, "*.eml") { EnableRaisingEvents = true, InternalBufferSize = 64 * 1024 };
            watcher.Renamed += (_, e) => Record(e.FullPath);
            watcher.Created += (_, e) => Record(e.FullPath);

            void Record(string path)
            {
                var at = clock.Elapsed.TotalMilliseconds;
                var protocol = ReadProtocolHeader(path);
                if (protocol is not null)
                {
                    acknowledged.TryAdd(protocol, at);
                }
            }

            using var http = new HttpClient { BaseAddress = address };
            await PostAsync(http, "warmup@bench", CancellationToken.None).ConfigureAwait(false); // JIT and SQLite warm-up, not measured
            var postLatencies = new ConcurrentBag<double>();
            var next = -1;
            var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Messages)
                {
                    var start = clock.Elapsed.TotalMilliseconds;
                    var protocol = await PostAsync(http, $"bench-{i}@bench.gov.br", CancellationToken.None).ConfigureAwait(false);
                    postLatencies.Add(clock.Elapsed.TotalMilliseconds - start);
                    posted[protocol] = start;
                }
            });
            await Task.WhenAll(workers).ConfigureAwait(false);
            var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
            while (posted.Keys.Any(p => !acknowledged.ContainsKey(p)) && clock.Elapsed < deadline)
            {
                await Task.Delay(20).ConfigureAwait(false);
                foreach (var file in Directory.EnumerateFiles(sent, "*.eml"))
                {
                    var protocol = ReadProtocolHeader(file);
                    if (protocol is not null && !acknowledged.ContainsKey(protocol))
                    {
                        acknowledged.TryAdd(protocol, clock.Elapsed.TotalMilliseconds); // late sighting: overstates, never understates
                    }
                }
            }

            var endToEnd = posted.Where(p => acknowledged.ContainsKey(p.Key)).Select(p => acknowledged[p.Key] - p.Value).Order().ToArray();
            var missing = posted.Count - endToEnd.Length;
            var totalSeconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"messages: {Messages} posted by {Concurrency} concurrent clients; acknowledged: {endToEnd.Length}; missing: {missing}");
            output.WriteLine($"POST -> acknowledgment .eml on disk: p50 {Percentile(endToEnd, 0.50):F1} ms, p99 {Percentile(endToEnd, 0.99):F1} ms, max {endToEnd.LastOrDefault():F1} ms");
            var postSorted = postLatencies.Order().ToArray();
            output.WriteLine($"POST response time:                p50 {Percentile(postSorted, 0.50):F1} ms, p99 {Percentile(postSorted, 0.99):F1} ms");
            output.WriteLine($"throughput while measuring: {Messages / totalSeconds:F0} messages/s end to end");
            return missing == 0 ? 0 : 1;
        }
    }

    private static async Task<string> PostAsync(HttpClient http, string messageId, CancellationToken cancellationToken)
    {
        var raw = $"From: Requerente <{messageId.Replace('@', '.')}@ifsp.edu.br>\r\nTo: suporte@helpdesk.local\r\nSubject: Pedido {messageId}\r\n" +
                  $"Message-ID: <{messageId}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nCorpo da mensagem de teste.\r\n";
        using var content = new StringContent(raw);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        using var response = await http.PostAsync(new Uri("/api/mailbox/messages", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return json.RootElement.GetProperty("protocol").GetString()!;
    }

    private static string? ReadProtocolHeader(string path)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.Length == 0)
                {
                    return null;
                }

                if (line.StartsWith("X-Helpdesk-Protocol:", StringComparison.OrdinalIgnoreCase))
                {
                    return line["X-Helpdesk-Protocol:".Length..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
