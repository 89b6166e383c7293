using System.Diagnostics;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.LocalRunner;
using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.Benchmarks.Sweep;

/// <summary>
/// The deadline sweep's query (<see cref="SqliteTicketsNearDeadline"/>, two partial indexes) against a scan of every
/// open ticket's deadline columns, with the same 50 tickets near their deadline among 1,000 and 10,000 open tickets far
/// from theirs: the indexed query should stay flat while the scan grows with the open tickets.
/// </summary>
public sealed class SweepQuerySuite : IBenchmarkSuite
{
    private const int Near = 50;
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(-3));
    private static readonly DateTimeOffset Afternoon = new(2026, 11, 24, 15, 30, 0, TimeSpan.FromHours(-3));

    public string Name => "sweep";

    public string Description => "deadline sweep query: indexed next-alert instants vs scanning open tickets (1k and 10k open)";

    public int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failed = 0;
        foreach (var far in new[] { 1_000, 10_000 })
        {
            var folder = Path.Combine(Path.GetTempPath(), "helpdesk-bench-sweep", Guid.NewGuid().ToString("N"));
            using var database = new SqliteDatabase(Path.Combine(folder, "helpdesk.db"));
            var store = new SqliteTicketStore(database, new OutboxSignal(), new TicketClocks(DefaultContract.Definition));
            var setup = Stopwatch.StartNew();
            for (var i = 0; i < far + Near; i++)
            {
                OpenAsync(store, i < Near ? "incident" : "information", i < Near ? "high" : "normal").GetAwaiter().GetResult();
            }

            var near = new SqliteTicketsNearDeadline(database);
            var found = near.ListDueAsync(Afternoon, Afternoon, 500, CancellationToken.None).GetAwaiter().GetResult().Count;
            var scanned = ScanAsync(database).GetAwaiter().GetResult();
            if (found != Near || scanned != Near)
            {
                output.WriteLine($"CHECK FAILED: {far} far tickets: the index found {found}, the scan {scanned}, expected {Near}");
                failed++;
            }

            var (indexed, c1) = Measure.OpsPerSecond(_ => near.ListDueAsync(Afternoon, Afternoon, 500, CancellationToken.None).GetAwaiter().GetResult().Count, 1);
            var (scan, c2) = Measure.OpsPerSecond(_ => ScanAsync(database).GetAwaiter().GetResult(), 1);
            output.WriteLine($"{far + Near,6} open tickets ({Near} near their deadline; setup {setup.Elapsed.TotalSeconds:F1} s): " +
                             $"indexed sweep query {indexed,9:N0} queries/s ({1000 / indexed:F3} ms), scan of open tickets {scan,9:N0} queries/s ({1000 / scan:F3} ms) [checksum {c1 + c2}]");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return failed;
    }

    private static async Task OpenAsync(SqliteTicketStore store, string category, string priority)
    {
        var created = await store.CreateAsync(2026, p => new TicketDraft(
            Ticket.Register(new TicketId(Guid.NewGuid()), p, new NewTicket("Assunto", "Texto", EmailAddress.Parse("ana@ifrs.edu.br"), null, Channel.Api, T0), T0), [], []), CancellationToken.None).ConfigureAwait(false);
        var ticket = (await store.GetAsync(created.Ticket.Id, CancellationToken.None).ConfigureAwait(false))!;
        ticket.Classify(category, priority, Actor.Agent("ana"), T0.AddMinutes(1));
        await store.SaveAsync(ticket, [], [], CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The baseline: every open ticket's at-risk and due columns read and compared in code.</summary>
    private static async Task<int> ScanAsync(SqliteDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at_risk_at, due_at FROM tickets WHERE status IN ('New', 'Open', 'PendingOnRequester')";
        var now = Afternoon.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var due = 0;
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
        while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            if (!reader.IsDBNull(0) && string.CompareOrdinal(reader.GetString(0), now) <= 0)
            {
                due++;
            }
        }

        return due;
    }
}
