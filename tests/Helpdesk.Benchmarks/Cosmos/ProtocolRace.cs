using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Content;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Benchmarks.Cosmos;

/// <summary>
/// Issue 21 §4: N instances (each its own client and ticket store) register tickets of one protocol year at once,
/// 16 concurrent intakes in all; then every number must be distinct and accounted for (numbers used + voids = the
/// counter). Beside it, the allocation alone with the old ETag read-modify-replace of the counter and with the atomic
/// patch increment, same instances and concurrency, to show the lost races the patch removes.
/// </summary>
public static class ProtocolRace
{
    public const int Threads = 16;

    public sealed record Result(int Instances, int Tickets, double Seconds, IReadOnlyList<CosmosRequest> Requests, bool Accounted, string Check);

    public static async Task<Result> IntakesAsync(CosmosTarget target, string database, int instances, int tickets, int year, string contentRoot)
    {
        var ledger = new RequestLedger();
        var clients = Enumerable.Range(0, instances).Select(_ => target.NewClient(ledger)).ToList();
        try
        {
            var options = target.Options(database);
            var content = new LocalFolderContentStore(contentRoot);
            var stores = clients.Select(c => new CosmosTicketStore(c.GetContainer(database, options.TicketsContainer), options, TimeProvider.System, new NoTicketDeadlines(), content, NullLogger<CosmosTicketStore>.Instance)).ToList();

            // Warm each client (account and collection metadata) outside the figures.
            ledger.Paused = true;
            foreach (var store in stores)
            {
                _ = await store.LastReservedAsync(year, CancellationToken.None).ConfigureAwait(false);
            }

            ledger.Paused = false;
            ledger.Step = "intake";
            var next = -1;
            var outcomes = new CreateOutcome[tickets];
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(async () =>
            {
                var store = stores[thread % instances];
                for (var i = Interlocked.Increment(ref next); i < tickets; i = Interlocked.Increment(ref next))
                {
                    var ticketId = new TicketId(Guid.NewGuid());
                    var messageId = Guid.NewGuid().ToString("N") + "@ifsp.edu.br";
                    outcomes[i] = await store.CreateAsync(year, p => Draft(p, ticketId, messageId), CancellationToken.None).ConfigureAwait(false);
                }
            }))).ConfigureAwait(false);
            watch.Stop();

            ledger.Paused = true;
            var last = await stores[0].LastReservedAsync(year, CancellationToken.None).ConfigureAwait(false);
            var voids = await stores[0].ListVoidAsync(year, CancellationToken.None).ConfigureAwait(false);
            var used = outcomes.Where(o => o.Created).Select(o => o.Ticket.Protocol.Counter).ToList();
            var all = used.Concat(voids.Select(v => v.Protocol.Counter)).Order().ToList();
            var accounted = used.Count == tickets && used.Distinct().Count() == used.Count && all.SequenceEqual(Enumerable.Range(1, last));
            var check = $"{used.Count} tickets, {used.Distinct().Count()} distinct numbers, {voids.Count} void, counter {last}: " +
                        (accounted ? "every number distinct and accounted for" : "NUMBERS NOT ACCOUNTED FOR");
            return new Result(instances, tickets, watch.Elapsed.TotalSeconds, ledger.Snapshot(), accounted, check);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    public sealed record AllocationResult(string Method, int Instances, int Numbers, double Seconds, int Requests, int LostRaces, bool Distinct);

    /// <summary>The allocation alone: <paramref name="numbers"/> numbers from one counter item, by <paramref name="etag"/>
    /// read-modify-replace (the allocation before issue 21: read the counter, replace it with If-Match, again on 412) or by
    /// one patch <c>Increment</c> (what CosmosTicketStore does now).</summary>
    public static async Task<AllocationResult> AllocateAsync(CosmosTarget target, string database, int instances, int numbers, bool etag)
    {
        var ledger = new RequestLedger();
        var clients = Enumerable.Range(0, instances).Select(_ => target.NewClient(ledger)).ToList();
        try
        {
            var containers = clients.Select(c => c.GetContainer(database, "tickets")).ToList();
            var id = "counter-bench-" + Guid.NewGuid().ToString("N")[..8];
            var pk = new PartitionKey(id);
            ledger.Paused = true;
            using (var created = await containers[0].CreateItemStreamAsync(Json(new JsonObject { ["id"] = id, ["pk"] = id, ["last"] = 0 }), pk).ConfigureAwait(false))
            {
                _ = created.EnsureSuccessStatusCode();
            }

            foreach (var container in containers)
            {
                using var warm = await container.ReadItemStreamAsync(id, pk).ConfigureAwait(false);
            }

            ledger.Paused = false;
            var next = -1;
            var got = new int[numbers];
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(async () =>
            {
                var container = containers[thread % instances];
                for (var i = Interlocked.Increment(ref next); i < numbers; i = Interlocked.Increment(ref next))
                {
                    got[i] = etag ? await ByETagAsync(container, id, pk).ConfigureAwait(false) : await ByPatchAsync(container, id, pk).ConfigureAwait(false);
                }
            }))).ConfigureAwait(false);
            watch.Stop();
            var requests = ledger.Snapshot();
            return new AllocationResult(etag ? "ETag read + replace" : "patch Increment", instances, numbers, watch.Elapsed.TotalSeconds, requests.Count, requests.Count(r => r.Status == 412),
                got.Order().SequenceEqual(Enumerable.Range(1, numbers)));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static async Task<int> ByETagAsync(Container container, string id, PartitionKey pk)
    {
        while (true)
        {
            JsonObject body;
            string etag;
            using (var read = await container.ReadItemStreamAsync(id, pk).ConfigureAwait(false))
            {
                _ = read.EnsureSuccessStatusCode();
                body = (JsonObject)JsonNode.Parse(read.Content)!;
                etag = read.Headers.ETag;
            }

            var value = body["last"]!.GetValue<int>() + 1;
            body["last"] = value;
            using var replace = await container.ReplaceItemStreamAsync(Json(body), id, pk, new ItemRequestOptions { IfMatchEtag = etag }).ConfigureAwait(false);
            if (replace.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                continue; // lost the race: read again
            }

            _ = replace.EnsureSuccessStatusCode();
            return value;
        }
    }

    private static async Task<int> ByPatchAsync(Container container, string id, PartitionKey pk)
    {
        using var patch = await container.PatchItemStreamAsync(id, pk, [PatchOperation.Increment("/last", 1)], new PatchItemRequestOptions { EnableContentResponseOnWrite = true }).ConfigureAwait(false);
        _ = patch.EnsureSuccessStatusCode();
        return JsonNode.Parse(patch.Content)!["last"]!.GetValue<int>();
    }

    private static MemoryStream Json(JsonObject item) => new(Encoding.UTF8.GetBytes(item.ToJsonString()));

    private static TicketDraft Draft(ProtocolNumber protocol, TicketId id, string messageId)
    {
        var now = DateTimeOffset.UtcNow;
        var ticket = Ticket.Register(id, protocol,
            new NewTicket("Sem acesso ao SUAP", "Erro 500 ao abrir o módulo de protocolo desde hoje cedo.", EmailAddress.Parse("maria.silva@ifsp.edu.br"), "Maria Silva", Channel.Email, now) { MessageId = messageId }, now);
        return new TicketDraft(ticket, [messageId], []);
    }
}
