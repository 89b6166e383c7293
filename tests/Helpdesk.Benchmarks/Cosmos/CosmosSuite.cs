using System.Globalization;
using Helpdesk.Infrastructure.Azure.Cosmos;

namespace Helpdesk.Benchmarks.Cosmos;

/// <summary>
/// Issue 21 §4/§5 against the loopback Cosmos DB server it starts itself (and §5 against a real account too when
/// <c>COSMOS_TEST_ENDPOINT</c> and <c>COSMOS_TEST_KEY</c> are set): protocol numbers with 1, 2 and 8 racing instances,
/// and the requests, bytes and estimated request units of each step of a ticket's life.
/// </summary>
public sealed class CosmosSuite : IBenchmarkSuite
{
    private const int RaceTickets = 1_050;
    private const int LifeTickets = 50;
    private static readonly int[] InstanceCounts = [1, 2, 8];

    public string Name => "cosmos";

    public string Description => "Cosmos DB requests per ticket: protocol numbers with 1/2/8 racing instances, and per step of a ticket's life";

    public int Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(TextWriter output)
    {
        if (LoopbackCosmosServer.Script(out var emulators) is not { } script)
        {
            output.WriteLine($"The loopback Cosmos DB server is not installed in {emulators}: run `npm ci --prefix tests/emulators --no-audit --no-fund` first.");
            return 2;
        }

        var failures = 0;
        await using (var server = await LoopbackCosmosServer.StartAsync(script, emulators).ConfigureAwait(false))
        {
            var loopback = new CosmosTarget(server.Endpoint, LoopbackCosmosServer.AnyKey, Loopback: true);
            var database = "bench-" + Guid.NewGuid().ToString("N")[..8];
            using (var setup = loopback.NewClient(new RequestLedger()))
            {
                _ = await CosmosConnection.EnsureTicketsContainerAsync(setup, loopback.Options(database), CancellationToken.None).ConfigureAwait(false);
            }

            output.WriteLine($"loopback @vercel/cosmosdb-server at {server.Endpoint} (node); load average before: {LoadAverage()}");
            failures += await RaceAsync(output, loopback, database).ConfigureAwait(false);
            failures += await LifeAsync(output, loopback, database, measuredCharges: false).ConfigureAwait(false);
        }

        var endpoint = Environment.GetEnvironmentVariable("COSMOS_TEST_ENDPOINT");
        var key = Environment.GetEnvironmentVariable("COSMOS_TEST_KEY");
        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(key))
        {
            output.WriteLine();
            output.WriteLine("real account: skipped (set COSMOS_TEST_ENDPOINT and COSMOS_TEST_KEY to run the ticket's life against it and print the measured request charges)");
        }
        else
        {
            var uri = new Uri(endpoint);
            var real = new CosmosTarget(uri, key, Loopback: uri.IsLoopback);
            output.WriteLine();
            output.WriteLine($"real account {uri.Host}: database helpdesk-bench (created if missing; the suite's items stay there)");
            failures += await LifeAsync(output, real, "helpdesk-bench", measuredCharges: true).ConfigureAwait(false);
        }

        output.WriteLine($"load average after: {LoadAverage()}");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<int> RaceAsync(TextWriter output, CosmosTarget target, string database)
    {
        var failures = 0;
        output.WriteLine();
        output.WriteLine($"§4 protocol numbers: {RaceTickets:N0} intakes (CosmosTicketStore.CreateAsync), {ProtocolRace.Threads} concurrent in all, spread over N instances (a client and store each), one protocol year per N");
        output.WriteLine("| instances | tickets/s | Cosmos requests/ticket | counter requests/ticket | counter races lost (412) | numbers |");
        output.WriteLine("|---:|---:|---:|---:|---:|---|");
        var results = new List<ProtocolRace.Result>();
        var content = Path.Combine(Path.GetTempPath(), $"helpdesk-bench-cosmos-content-{Guid.NewGuid():N}");
        try
        {
            foreach (var n in InstanceCounts)
            {
                var r = await ProtocolRace.IntakesAsync(target, database, n, RaceTickets, 3000 + n, content).ConfigureAwait(false);
                results.Add(r);
                failures += r.Accounted ? 0 : 1;
                output.WriteLine($"| {n} | {RaceTickets / r.Seconds:F0} | {(double)r.Requests.Count / RaceTickets:F2} | {(double)r.Requests.Count(q => q.Item == "counter") / RaceTickets:F2} | {r.Requests.Count(q => q.Status == 412 && q.Item == "counter")} | {r.Check} |");
            }
        }
        finally
        {
            try
            {
                Directory.Delete(content, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }

        output.WriteLine();
        output.WriteLine("requests per ticket by kind and item:");
        WriteBreakdown(output, results.Select(r => ($"{r.Instances} inst.", (IReadOnlyList<CosmosRequest>)r.Requests, (double)RaceTickets)).ToList());

        output.WriteLine();
        output.WriteLine($"baseline in the same run, the allocation alone ({RaceTickets:N0} numbers from one counter item, {ProtocolRace.Threads} concurrent): the old ETag read-modify-replace (2 instances, the issue's case) vs the patch Increment");
        output.WriteLine("| method | instances | numbers/s | requests/number | lost races (412) | share of replaces lost | distinct 1..n |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var (etag, n) in new[] { (true, 2) }.Concat(InstanceCounts.Select(n => (false, n))))
        {
            {
                var a = await ProtocolRace.AllocateAsync(target, database, n, RaceTickets, etag).ConfigureAwait(false);
                failures += a.Distinct ? 0 : 1;
                var replaces = a.Requests / 2.0; // each attempt is a read and a replace
                output.WriteLine($"| {a.Method} | {n} | {a.Numbers / a.Seconds:F0} | {(double)a.Requests / a.Numbers:F2} | {a.LostRaces} | {(etag ? $"{a.LostRaces / replaces:P0}" : "–")} | {(a.Distinct ? "yes" : "NO")} |");
            }
        }

        output.WriteLine($"load average: {LoadAverage()}");
        return failures;
    }

    private static async Task<int> LifeAsync(TextWriter output, CosmosTarget target, string database, bool measuredCharges)
    {
        output.WriteLine();
        output.WriteLine($"§5 a ticket's life through the use cases (app in Azure mode, {LifeTickets} tickets in a row): per step, Cosmos requests, bytes, and request units estimated from the documented model ({RuModel.Source})");
        var life = await TicketLife.RunAsync(target, database, LifeTickets).ConfigureAwait(false);
        var steps = TicketLife.Steps.Select(s => ("first " + s, 1.0)).Concat(TicketLife.Steps.Select(s => (s, LifeTickets - 1.0))).ToList();
        output.WriteLine($"| step | requests | by kind | bytes written | bytes read | RU (estimate) |{(measuredCharges ? " RU (measured) |" : string.Empty)}");
        output.WriteLine($"|---|---:|---|---:|---:|---:|{(measuredCharges ? "---:|" : string.Empty)}");
        foreach (var (step, count) in steps.Append(("whole life (tickets 2..n)", LifeTickets - 1.0)))
        {
            var rs = step.StartsWith("whole", StringComparison.Ordinal)
                ? life.Requests.Where(r => TicketLife.Steps.Contains(r.Step)).ToList()
                : life.Requests.Where(r => r.Step == step).ToList();
            var kinds = string.Join(", ", rs.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count() / count:0.##}"));
            output.WriteLine($"| {step} | {rs.Count / count:F2} | {kinds} | {rs.Sum(r => r.BytesWritten) / count:N0} | {rs.Sum(r => r.BytesRead) / count:N0} | {rs.Sum(RuModel.Estimate) / count:F1} |" +
                             (measuredCharges ? $" {rs.Sum(r => r.Charge) / count:F1} |" : string.Empty));
        }

        output.WriteLine();
        output.WriteLine("requests per ticket by kind and item, tickets 2..n:");
        WriteBreakdown(output, TicketLife.Steps.Select(s => (s, (IReadOnlyList<CosmosRequest>)life.Requests.Where(r => r.Step == s).ToList(), LifeTickets - 1.0)).ToList());
        output.WriteLine($"load average: {LoadAverage()}");
        return 0;
    }

    /// <summary>One line per column (a scenario or a step) with its requests per ticket by kind and item (and answer when not 2xx).</summary>
    private static void WriteBreakdown(TextWriter output, IReadOnlyList<(string Name, IReadOnlyList<CosmosRequest> Requests, double Tickets)> columns)
    {
        foreach (var (name, requests, tickets) in columns)
        {
            var parts = requests
                .GroupBy(r => r.Status >= 300 ? $"{r.Kind} {r.Item} ({r.Status})" : $"{r.Kind} {r.Item}")
                .OrderByDescending(g => g.Count())
                .Select(g => $"{g.Key} {g.Count() / tickets:0.##} ({g.Sum(r => r.BytesWritten + r.BytesRead) / tickets:N0} B)");
            output.WriteLine($"  {name}: {string.Join("; ", parts)}");
        }
    }

    private static string LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Join(' ', fields.Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
