using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Reliability;

/// <summary>
/// Issue 21 §3: "201 means on disk" under group commit. Many concurrent API intakes share each commit (one transaction,
/// one fsync); each is answered only after its own group is committed. The process is killed (SIGKILL) while the load is
/// still running; after a restart on the same data folder every ticket that had been answered 201 is there, with the
/// subject it was sent with, and a retry of any request (same Idempotency-Key) answers with the same protocol.
/// (A process kill cannot show the power-cut half of <c>synchronous=FULL</c>; it shows that no answer runs ahead of
/// its commit. <c>SqliteDatabaseTests</c> checks that every connection commits with FULL.)
/// </summary>
public sealed class DurableAnswerTests : IDisposable
{
    private const int Requests = 2_000;
    private const int Concurrency = 32;
    private const int KillAfterAnswered = 300;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-durable", Guid.NewGuid().ToString("N"));

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

    private static HttpClient StaffClient(Uri address, TimeSpan timeout)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = timeout };
        http.DefaultRequestHeaders.Add("X-Dev-Role", "agent-l1");
        http.DefaultRequestHeaders.Add("X-Dev-User", "registro.l1");
        return http;
    }

    private static async Task<(HttpStatusCode Status, string? Protocol)> PostAsync(HttpClient http, int i)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/tickets", UriKind.Relative))
        {
            Content = JsonContent.Create(new { subject = $"Ligação {i}", description = $"Pedido registrado por telefone, número {i}.", requesterEmail = $"pessoa{i}@ifrs.edu.br", requesterName = "Ana Lima", channel = "phone" }),
        };
        request.Headers.Add("Idempotency-Key", $"ligacao-{i}");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
        {
            return (response.StatusCode, null);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>().ConfigureAwait(false);
        return (response.StatusCode, body.GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task Every_ticket_answered_before_a_kill_under_concurrent_load_is_on_disk_after_the_restart()
    {
        Directory.CreateDirectory(_data);
        var answered = new ConcurrentDictionary<int, string>();
        using (var first = await AppProcess.StartAsync(_data))
        {
            using var http = StaffClient(first.BaseAddress, TimeSpan.FromSeconds(20));
            var next = -1;
            var dead = false;
            var posters = Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                int i;
                while (!Volatile.Read(ref dead) && (i = Interlocked.Increment(ref next)) < Requests)
                {
                    try
                    {
                        var (status, protocol) = await PostAsync(http, i);
                        if (status == HttpStatusCode.Created)
                        {
                            answered[i] = protocol!;
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
                    {
                        // The server died under this request (or before it): never answered, the sender would retry.
                        Volatile.Write(ref dead, true);
                    }
                }
            }).ToList();

            // The kill comes from outside the posters, while all of them keep sending, so that it lands among requests
            // at every stage (queued for the writer, in a group's commit, being answered).
            while (answered.Count < KillAfterAnswered && !posters.All(p => p.IsCompleted))
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
            }

            first.Kill();
            await Task.WhenAll(posters);
        }

        Assert.InRange(answered.Count, KillAfterAnswered, Requests - 1);

        using var second = await AppProcess.StartAsync(_data);
        using var reader = StaffClient(second.BaseAddress, TimeSpan.FromSeconds(30));
        reader.DefaultRequestHeaders.Remove("X-Dev-Role");
        reader.DefaultRequestHeaders.Add("X-Dev-Role", "supervisor");
        foreach (var (i, protocol) in answered)
        {
            using var response = await reader.GetAsync(new Uri("/api/tickets/" + protocol, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"ticket {protocol} (request {i}) was answered 201 before the kill but is {response.StatusCode} after the restart");
            var ticket = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal($"Ligação {i}", ticket.GetProperty("subject").GetString());
        }

        using var staff = StaffClient(second.BaseAddress, TimeSpan.FromSeconds(30));
        foreach (var (i, protocol) in answered.Take(100))
        {
            var (status, again) = await PostAsync(staff, i);
            Assert.Equal(HttpStatusCode.OK, status); // already registered: not opened again
            Assert.Equal(protocol, again);
        }

        Assert.Equal(answered.Count, answered.Values.Distinct().Count());
    }
}
