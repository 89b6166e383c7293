using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Reliability;

/// <summary>
/// SIGKILL in the middle of a stream of intakes: after a restart on the same data folder, every message the server
/// had accepted is a ticket, a sender that retries everything creates no duplicate, protocol numbers have no gap,
/// and every acknowledgment is eventually sent exactly once per ticket (outbox leases expire and are taken again).
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Messages = 400;
    private const int KillAfterAccepted = 120;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-crash", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string Raw(int i) => Emails.Plain($"crash-{i}@ifsp.edu.br", from: $"pessoa{i}@ifsp.edu.br", subject: $"Pedido {i}");

    private static async Task<(HttpStatusCode Status, string? Protocol)> PostAsync(HttpClient http, int i)
    {
        using var content = new StringContent(Raw(i));
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        using var response = await http.PostAsync(new Uri("/api/mailbox/messages", UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
        return (response.StatusCode, body.GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task Killing_the_process_mid_stream_loses_no_accepted_ticket_and_duplicates_none()
    {
        Directory.CreateDirectory(_data);
        var accepted = new ConcurrentDictionary<int, string>();
        using (var first = await AppProcess.StartAsync(_data))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            var next = -1;
            var killed = 0;
            var posters = Enumerable.Range(0, 4).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < Messages)
                {
                    try
                    {
                        var (status, protocol) = await PostAsync(http, i);
                        if (status is HttpStatusCode.Created or HttpStatusCode.OK)
                        {
                            accepted[i] = protocol!;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
                    {
                        // the server died under this request: the sender does not know, and will retry
                    }

                    if (accepted.Count >= KillAfterAccepted && Interlocked.Exchange(ref killed, 1) == 0)
                    {
                        first.Kill();
                    }
                }
            });
            await Task.WhenAll(posters);
            Assert.Equal(1, killed);
        }

        Assert.InRange(accepted.Count, KillAfterAccepted, Messages - 1);

        using var second = await AppProcess.StartAsync(_data);
        using var client = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var finalProtocols = new string[Messages];
        for (var i = 0; i < Messages; i++)
        {
            var (status, protocol) = await PostAsync(client, i);
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.OK, $"message {i}: {status}");
            if (accepted.TryGetValue(i, out var before))
            {
                Assert.Equal(HttpStatusCode.OK, status); // accepted before the crash: still there, not opened again
                Assert.Equal(before, protocol);
            }

            finalProtocols[i] = protocol!;
        }

        Assert.Equal(Messages, finalProtocols.Distinct().Count());
        var counters = finalProtocols.Select(p => int.Parse(p[4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Messages), counters);

        var sent = Path.Combine(_data, "mailbox", "sent");
        await RunningApp.WaitUntilAsync(() => Directory.Exists(sent) && Directory.GetFiles(sent, "*.eml").Length >= Messages, TimeSpan.FromSeconds(90), "every acknowledgment after the restart");
        var acknowledgedProtocols = Directory.GetFiles(sent, "*.eml")
            .Select(f => File.ReadLines(f).First(l => l.StartsWith("X-Helpdesk-Protocol:", StringComparison.Ordinal))["X-Helpdesk-Protocol:".Length..].Trim())
            .ToList();
        Assert.Equal(Messages, acknowledgedProtocols.Count);
        Assert.Equal(finalProtocols.Order(), acknowledgedProtocols.Order());
    }
}
