using System.Diagnostics;
using Helpdesk.Application.Audit;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Benchmarks.Audit;

/// <summary>
/// <c>helpdesk audit chains</c> and <c>records</c> over a raw-history export (<see cref="AuditHistoryJsonl"/>) of
/// 20,000 tickets of five events each, through the same <see cref="AuditService"/> the tool runs, side by side with
/// the bare hash-chain verification of the same events already in memory (no file, no JSON): the ratio is what
/// reading the export costs.
/// </summary>
public sealed class OfflineAuditSuite : IBenchmarkSuite
{
    private const int Tickets = 20_000;
    private const int Rounds = 5;
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-3));

    public string Name => "audit";

    public string Description => "offline audit: chains and records over a 20k-ticket raw-history export vs in-memory verification";

    public int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateTempSubdirectory("helpdesk-bench-audit-").FullName;
        try
        {
            var histories = Enumerable.Range(1, Tickets).Select(History).ToList();
            var path = Path.Combine(folder, "histories.jsonl");
            File.WriteAllLines(path, histories.Select(AuditHistoryJsonl.Line));
            var size = new FileInfo(path).Length;
            var audit = new AuditService(new ExportedAuditSource(() => AuditHistoryJsonl.ReadFile(path)));
            var viewer = new AgentIdentity("bench", null, new HashSet<string>(StringComparer.Ordinal) { Roles.Auditor });

            var chains = Median(() => audit.ChainsReportAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None).GetAwaiter().GetResult().Checked);
            var records = Median(() =>
            {
                using var sink = new MemoryStream();
                AuditExportWriter.WriteAsync(sink, audit.RecordsAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None), csv: true, viewer, Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock, CancellationToken.None).GetAwaiter().GetResult();
                return (int)(sink.Length > 0 ? Tickets : 0);
            });
            var inMemory = Median(() => histories.Count(h => HistoryVerification.Verify(h.Events, h.HeadHash).IsValid));

            output.WriteLine($"export: {Tickets:N0} tickets × 5 events, {size / 1024.0 / 1024.0:F1} MiB; median of {Rounds} rounds");
            output.WriteLine($"audit chains (file → parse → verify)  {Tickets / chains.TotalSeconds,10:N0} tickets/s ({chains.TotalMilliseconds:F0} ms)");
            output.WriteLine($"audit records CSV (file → rebuild)    {Tickets / records.TotalSeconds,10:N0} tickets/s ({records.TotalMilliseconds:F0} ms)");
            output.WriteLine($"baseline: verify in memory            {Tickets / inMemory.TotalSeconds,10:N0} tickets/s ({inMemory.TotalMilliseconds:F0} ms)");
            output.WriteLine($"ratio chains / in-memory verification: {chains / inMemory:F2}×");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The median duration of <see cref="Rounds"/> runs after one warm-up; a run that does not see every
    /// ticket is a failed check.</summary>
    private static TimeSpan Median(Func<int> run)
    {
        if (run() != Tickets)
        {
            throw new InvalidOperationException("CHECK FAILED: a run did not see every ticket.");
        }

        var times = new TimeSpan[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            var seen = run();
            times[r] = watch.Elapsed;
            if (seen != Tickets)
            {
                throw new InvalidOperationException($"CHECK FAILED: {seen} of {Tickets} tickets seen.");
            }
        }

        Array.Sort(times);
        return times[Rounds / 2];
    }

    private static StoredHistory History(int counter)
    {
        var at = T0.AddMinutes(counter);
        var agent = Actor.Agent("ana.l1");
        var ticket = Ticket.Register(
            new TicketId(Guid.NewGuid()),
            ProtocolNumber.Create(2026, counter),
            new NewTicket("Sem acesso ao sistema " + counter, "Não consigo entrar no sistema desde ontem.", EmailAddress.Parse($"u{counter % 997}@ifsp.edu.br"), "Ana Lima", Channel.Email, at),
            at);
        ticket.Classify("acesso", "p3", agent, at.AddMinutes(2));
        ticket.Assign("ana.l1", null, agent, at.AddMinutes(3));
        ticket.Resolve(counter % 3 == 0, "Senha redefinida.", agent, at.AddMinutes(30));
        return new StoredHistory(ticket.Id, ticket.Protocol.ToString(), ticket.HeadHash, ticket.History, null);
    }
}
