using System.Net;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;

namespace Helpdesk.FunctionApp.Tests.Reliability;

/// <summary>Agents racing on the same tickets with optimistic concurrency: every losing write gets 412, re-reads the
/// fresh ETag and retries, and in the end no update is lost, none is applied twice, and every hash chain verifies.</summary>
public sealed class ConcurrentUpdateTests : IAsyncLifetime
{
    private const int Tickets = 4;
    private const int NotesPerTicket = 250;
    private const int WritersPerTicket = 8;
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_thousand_conflicting_notes_posted_concurrently_with_if_match_are_all_kept_exactly_once()
    {
        // Bounded: the whole race must finish within a generous limit or the test fails (it never measures speed).
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        var ct = limit.Token;
        var protocols = new List<string>();
        for (var t = 0; t < Tickets; t++)
        {
            protocols.Add(await _app.OpenAsync($"race{t}@ifsp.edu.br", $"Corrida {t}"));
        }

        var statuses = new System.Collections.Concurrent.ConcurrentBag<int>();
        var conflicts = 0;
        var writers = protocols.SelectMany(protocol => Enumerable.Range(0, WritersPerTicket).Select(w => (protocol, w))).Select(async job =>
        {
            var client = _app.Staff("agent-l1", "agent" + job.w);
            for (var n = job.w; n < NotesPerTicket; n += WritersPerTicket)
            {
                var text = $"nota {job.protocol}-{n:D3}";
                while (true)
                {
                    using var read = await client.GetAsync(new Uri("/api/tickets/" + job.protocol, UriKind.Relative), ct);
                    statuses.Add((int)read.StatusCode);
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/tickets/{job.protocol}/notes", UriKind.Relative))
                    {
                        Content = System.Net.Http.Json.JsonContent.Create(new { text }),
                    };
                    request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
                    using var write = await client.SendAsync(request, ct);
                    statuses.Add((int)write.StatusCode);
                    if (write.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }

                    Assert.Equal(HttpStatusCode.PreconditionFailed, write.StatusCode);
                    Interlocked.Increment(ref conflicts);
                }
            }
        });
        await Task.WhenAll(writers);

        Assert.DoesNotContain(statuses, s => s >= 500);
        Assert.True(conflicts > 0, "the writers never conflicted, so the test proved nothing about concurrency");
        var notes = await NoteTextsAsync(ct);
        Assert.Equal(Tickets * NotesPerTicket, notes.Count);
        Assert.Equal(notes.Count, notes.Distinct(StringComparer.Ordinal).Count());
        foreach (var protocol in protocols)
        {
            Assert.Equal(NotesPerTicket, notes.Count(n => n.Contains(protocol, StringComparison.Ordinal)));
        }

        var today = Domain.Contracts.DefaultContract.Definition.Clock.ToLocal(_app.Service<TimeProvider>().GetUtcNow()).Date;
        var chains = JsonDocument.Parse(await _app.Staff("auditor", "aud").GetStringAsync(
            new Uri($"/api/audit/chains?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}", UriKind.Relative), ct)).RootElement;
        Assert.Equal(Tickets, chains.GetProperty("checked").GetInt32());
        Assert.Equal(0, chains.GetProperty("failed").GetInt32());
        TestContext.Current.SendDiagnosticMessage($"{Tickets} tickets, {notes.Count} notes, {conflicts} conflicts (412) retried, {statuses.Count} requests.");
    }

    private async Task<List<string>> NoteTextsAsync(CancellationToken ct)
    {
        await using var connection = new SqliteConnection(_app.Service<SqliteDatabase>().ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json_extract(data, '$.text') FROM ticket_events WHERE type = 'internalNote'";
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
