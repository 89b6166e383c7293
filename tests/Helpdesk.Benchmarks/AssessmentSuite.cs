using System.Diagnostics;
using System.Globalization;
using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Benchmarks;

/// <summary>
/// <c>assessment [--tickets N] [--runs R] [--db PATH]</c>: the monthly assessment over N synthetic tickets (default
/// 1,000,000), streamed and in memory, side by side with the equivalent SQL aggregate over the same rows in SQLite.
/// </summary>
internal static class AssessmentSuite
{
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);

    public static async Task<int> RunAsync(string[] args)
    {
        var count = Option(args, "--tickets", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var dbPath = OptionText(args, "--db") ?? Path.Combine(Path.GetTempPath(), $"helpdesk-assessment-bench-{count}.db");
        var contract = DefaultAssessmentContract.Contract;
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"## Monthly assessment — {count:N0} tickets, {Environment.ProcessorCount} cores, {Environment.Version}, {RuntimeInfo()}");
        Console.WriteLine();

        // 1. Streamed: tickets generated and assessed one at a time (as the CLI streams a JSONL export).
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var streamed = MonthlyAssessor.Assess(contract, new AssessmentInput(March, SyntheticTickets.Generate(count)) { Invoice = Money.Brl(1_000_000m) });
        sw.Stop();
        process.Refresh();
        var streamedPeak = process.PeakWorkingSet64;
        Console.WriteLine($"| step | wall | CPU | memory |");
        Console.WriteLine($"|---|---|---|---|");
        Console.WriteLine($"| streamed (generation + assessment) | {sw.Elapsed.TotalSeconds:F2} s | {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s | peak working set {Mib(streamedPeak)} MiB |");

        // 2. In memory: the same tickets materialised once, then assessed R times.
        sw.Restart();
        var tickets = SyntheticTickets.Generate(count).ToList();
        sw.Stop();
        var generation = sw.Elapsed;
        GC.Collect();
        var dataset = GC.GetTotalMemory(forceFullCollection: true);
        var times = new List<double>();
        var cpuTimes = new List<double>();
        MonthlyAssessment? result = null;
        long allocated = 0;
        for (var r = 0; r < runs; r++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            cpu = process.TotalProcessorTime;
            sw.Restart();
            result = MonthlyAssessor.Assess(contract, new AssessmentInput(March, tickets) { Invoice = Money.Brl(1_000_000m) });
            sw.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpu).TotalSeconds);
        }

        process.Refresh();
        Console.WriteLine($"| in memory, assessment only (median of {runs}) | {Median(times):F2} s | {Median(cpuTimes):F2} s | allocated {Mib(allocated)} MiB per run; dataset {Mib(dataset)} MiB; peak working set {Mib(process.PeakWorkingSet64)} MiB (generation {generation.TotalSeconds:F2} s) |");

        // 3. SQLite: the same rows, flattened (one row per ticket, events folded into columns), and the equivalent aggregate.
        sw.Restart();
        await LoadAsync(dbPath, tickets).ConfigureAwait(false);
        sw.Stop();
        Console.WriteLine($"| SQLite load (not part of the comparison) | {sw.Elapsed.TotalSeconds:F2} s | | {Mib(new FileInfo(dbPath).Length)} MiB file |");
        var zoneMonth = ZonedMonth.Of(March, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));
        var sqlTimes = new List<double>();
        var sqlCpu = new List<double>();
        var evidenceTimes = new List<double>();
        long[] sqlCounts = [];
        var evidenceRows = 0;
        for (var r = 0; r < runs; r++)
        {
            process.Refresh();
            cpu = process.TotalProcessorTime;
            sw.Restart();
            sqlCounts = await AggregateAsync(dbPath, zoneMonth).ConfigureAwait(false);
            sw.Stop();
            sqlTimes.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            sqlCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            sw.Restart();
            evidenceRows = await EvidenceAsync(dbPath, zoneMonth).ConfigureAwait(false);
            sw.Stop();
            evidenceTimes.Add(sw.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"| SQLite aggregate, counts only (median of {runs}) | {Median(sqlTimes):F2} s | {Median(sqlCpu):F2} s | indicators 2, 3, 4, 7, SCM3 |");
        Console.WriteLine($"| SQLite counts + protocol lists read back (median of {runs}) | {Median(evidenceTimes):F2} s | | {evidenceRows:N0} rows |");
        process.Refresh();
        Console.WriteLine($"| process peak working set (whole run) | | | {Mib(process.PeakWorkingSet64)} MiB |");
        Console.WriteLine();

        var rows = result!.Indicators.ToDictionary(i => i.Id);
        long[] csharp =
        [
            (long)rows["2"].Measurement.Denominator, (long)rows["2"].Measurement.Numerator,
            (long)rows["3"].Measurement.Denominator, (long)rows["3"].Measurement.Numerator,
            (long)rows["4"].Measurement.Denominator, (long)rows["4"].Measurement.Numerator,
            (long)rows["7"].Measurement.Denominator, (long)rows["7"].Measurement.Numerator,
            (long)rows["SCM3"].Measurement.Denominator, (long)rows["SCM3"].Measurement.Numerator,
        ];
        var agree = csharp.SequenceEqual(sqlCounts) && streamed.PenaltyAmount == result.PenaltyAmount;
        Console.WriteLine($"C# (den, num) for 2, 3, 4, 7, SCM3: {string.Join(", ", csharp)}");
        Console.WriteLine($"SQL (den, num) for 2, 3, 4, 7, SCM3: {string.Join(", ", sqlCounts)}");
        Console.WriteLine($"agree: {(agree ? "yes" : "NO")}; penalty {result.PenaltyPercent:F2} % = {result.PenaltyAmount}");
        return agree ? 0 : 1;
    }

    private static async Task LoadAsync(string path, List<TicketRecord> tickets)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
                + "CREATE TABLE tickets (protocol TEXT PRIMARY KEY, channel INTEGER, kind INTEGER, uf TEXT, received INTEGER, registered INTEGER, due INTEGER,"
                + " resolved INTEGER, first_contact INTEGER, reopened INTEGER, cancelled INTEGER, rated INTEGER, score INTEGER, first_reply INTEGER, activity_value REAL);";
            await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO tickets VALUES ($p,$c,$k,$uf,$rc,$rg,$d,$rs,$fc,$ro,$cn,$rt,$sc,$fr,$av)";
        var names = new[] { "$p", "$c", "$k", "$uf", "$rc", "$rg", "$d", "$rs", "$fc", "$ro", "$cn", "$rt", "$sc", "$fr", "$av" };
        var parameters = names.Select(n => insert.Parameters.Add(n, SqliteType.Integer)).ToArray();
        foreach (var t in tickets)
        {
            DateTimeOffset? resolved = null, rated = null, firstReply = null;
            bool firstContact = false, reopened = false, cancelled = false;
            var score = 0;
            foreach (var e in t.Events)
            {
                switch (e.Type)
                {
                    case TicketEventType.AgentReply: firstReply ??= e.At; break;
                    case TicketEventType.Resolved: resolved = e.At; firstContact = e.FirstContact == true; break;
                    case TicketEventType.Reopened: reopened = true; break;
                    case TicketEventType.Cancelled: cancelled = true; break;
                    case TicketEventType.Rated: rated = e.At; score = e.Score ?? 0; break;
                    default: break;
                }
            }

            object?[] values =
            [
                t.Protocol, (int)t.Channel, (int)t.Kind, t.Uf, t.ReceivedAt.ToUnixTimeSeconds(), t.RegisteredAt.ToUnixTimeSeconds(), t.ResolutionDueAt?.ToUnixTimeSeconds(),
                resolved?.ToUnixTimeSeconds(), firstContact ? 1 : 0, reopened ? 1 : 0, cancelled ? 1 : 0, rated?.ToUnixTimeSeconds(), score, firstReply?.ToUnixTimeSeconds(),
                t.ActivityValue is { } v ? (double)v : null,
            ];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await tx.CommitAsync().ConfigureAwait(false);
    }

    private const string InMonth = "BETWEEN $s AND $e - 1";

    private static async Task<long[]> AggregateAsync(string path, ZonedMonth month)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        var phone = (int)TicketChannel.Phone;
        var complaint = (int)TicketKind.Complaint;
        query.CommandText = $"""
            SELECT
              TOTAL(resolved {InMonth} AND cancelled = 0 AND due IS NOT NULL),
              TOTAL(resolved {InMonth} AND cancelled = 0 AND due IS NOT NULL AND resolved <= due),
              TOTAL(rated {InMonth}),
              TOTAL(rated {InMonth} AND score >= 8),
              TOTAL(received {InMonth} AND channel <> {phone}),
              TOTAL(received {InMonth} AND channel <> {phone} AND registered - received <= 420),
              TOTAL(received {InMonth} AND cancelled = 0),
              TOTAL(received {InMonth} AND cancelled = 0 AND resolved IS NOT NULL AND first_contact = 1),
              TOTAL(received {InMonth} AND kind = {complaint}),
              TOTAL(received {InMonth} AND kind = {complaint} AND reopened = 1)
            FROM tickets
            """;
        query.Parameters.AddWithValue("$s", month.Start.ToUnixTimeSeconds());
        query.Parameters.AddWithValue("$e", month.End.ToUnixTimeSeconds());
        await using var reader = await query.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        return Enumerable.Range(0, 10).Select(i => (long)reader.GetDouble(i)).ToArray();
    }

    /// <summary>The SQL counterpart of the evidence lists: read back every protocol with its per-indicator flags.</summary>
    private static async Task<int> EvidenceAsync(string path, ZonedMonth month)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT protocol,
              resolved {InMonth} AND cancelled = 0 AND due IS NOT NULL, resolved <= due,
              rated {InMonth}, score >= 8,
              received {InMonth} AND channel <> {(int)TicketChannel.Phone}, registered - received <= 420,
              received {InMonth} AND cancelled = 0, first_contact = 1 AND resolved IS NOT NULL,
              received {InMonth} AND kind = {(int)TicketKind.Complaint}, reopened = 1
            FROM tickets WHERE received < $e
            """;
        query.Parameters.AddWithValue("$s", month.Start.ToUnixTimeSeconds());
        query.Parameters.AddWithValue("$e", month.End.ToUnixTimeSeconds());
        var lists = Enumerable.Range(0, 10).Select(_ => new List<string>()).ToArray();
        var rows = 0;
        await using var reader = await query.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows++;
            var protocol = reader.GetString(0);
            for (var i = 0; i < 10; i += 2)
            {
                if (!reader.IsDBNull(i + 1) && reader.GetInt64(i + 1) == 1)
                {
                    lists[i].Add(protocol);
                    if (!reader.IsDBNull(i + 2) && reader.GetInt64(i + 2) == 1)
                    {
                        lists[i + 1].Add(protocol);
                    }
                }
            }
        }

        return rows;
    }

    private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long Mib(long bytes) => bytes / (1024 * 1024);

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
