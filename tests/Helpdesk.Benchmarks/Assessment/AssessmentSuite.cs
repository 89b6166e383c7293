using System.Diagnostics;
using System.Globalization;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Exports;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Helpdesk.Domain.Tickets;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Benchmarks.Assessment;

/// <summary>
/// <c>assessment [--tickets N] [--runs R] [--db PATH]</c>: the monthly assessment over N synthetic tickets (default
/// 1,000,000), streamed and in memory, side by side with the equivalent SQL aggregate over the same rows in SQLite.
/// </summary>
public sealed class AssessmentSuite : IBenchmarkSuite
{
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);

    public string Name => "assessment";

    public string Description => "monthly assessment over 1,000,000 synthetic tickets vs the SQL aggregate in SQLite (HELPDESK_BENCH_TICKETS, HELPDESK_BENCH_RUNS)";

    public int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var count = Setting("HELPDESK_BENCH_TICKETS", 1_000_000);
        var runs = Setting("HELPDESK_BENCH_RUNS", 3);
        var dbPath = Path.Combine(Path.GetTempPath(), $"helpdesk-assessment-bench-{count}.db");
        var contract = DefaultAssessmentContract.Contract;
        var process = Process.GetCurrentProcess();
        output.WriteLine($"## Monthly assessment — {count:N0} tickets, {Environment.ProcessorCount} cores, {Environment.Version}, {RuntimeInfo()}");
        output.WriteLine();

        // 1. Streamed: tickets generated and assessed one at a time (as the CLI streams a JSONL export).
        var cpu = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var streamed = MonthlyAssessor.Assess(contract, new AssessmentInput(March, SyntheticTickets.Generate(count)) { Invoice = Money.Brl(1_000_000m) });
        sw.Stop();
        process.Refresh();
        var streamedPeak = process.PeakWorkingSet64;
        output.WriteLine($"| step | wall | CPU | memory |");
        output.WriteLine($"|---|---|---|---|");
        output.WriteLine($"| streamed (generation + assessment) | {sw.Elapsed.TotalSeconds:F2} s | {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s | peak working set {Mib(streamedPeak)} MiB |");

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
        output.WriteLine($"| in memory, assessment only (median of {runs}) | {Median(times):F2} s | {Median(cpuTimes):F2} s | allocated {Mib(allocated)} MiB per run; dataset {Mib(dataset)} MiB; peak working set {Mib(process.PeakWorkingSet64)} MiB (generation {generation.TotalSeconds:F2} s) |");

        // Optional: write the same tickets as a ticket-history export, to time `helpdesk assess` end to end.
        var readersAgree = true;
        if (Environment.GetEnvironmentVariable("HELPDESK_BENCH_JSONL") is { Length: > 0 } jsonlPath)
        {
            WriteJsonl(jsonlPath, tickets);
            output.WriteLine($"| export written to {jsonlPath} | | | {Mib(new FileInfo(jsonlPath).Length)} MiB |");

            // The export read back and assessed streamed, by the reader of `helpdesk assess` and by the reference reader.
            foreach (var (label, read) in new (string, Func<Stream, IEnumerable<ExportedTicket>>)[]
            {
                ("UTF-8 reader (`helpdesk assess`)", stream => Helpdesk.Application.Finance.Formats.Utf8TicketJsonlReader.Read(stream, jsonlPath)),
                ("reference reader (StreamReader + System.Text.Json reflection)", stream => Helpdesk.Application.Finance.Formats.TicketJsonlReader.Read(new StreamReader(stream), jsonlPath)),
            })
            {
                process.Refresh();
                cpu = process.TotalProcessorTime;
                sw.Restart();
                using var file = new FileStream(jsonlPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
                var fromExport = MonthlyAssessor.Assess(contract, new AssessmentInput(March, read(file)) { Invoice = Money.Brl(1_000_000m) });
                sw.Stop();
                process.Refresh();
                readersAgree &= fromExport.PenaltyAmount == result!.PenaltyAmount
                    && fromExport.Indicators.Select(i => (i.Id, i.Measurement.Numerator, i.Measurement.Denominator))
                        .SequenceEqual(result.Indicators.Select(i => (i.Id, i.Measurement.Numerator, i.Measurement.Denominator)));
                output.WriteLine($"| export read + assessment, {label} | {sw.Elapsed.TotalSeconds:F2} s | {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s | |");
            }
        }

        // 3. SQLite: the same rows, flattened (one row per ticket, events folded into columns), and the equivalent aggregate.
        sw.Restart();
        Load(dbPath, tickets);
        sw.Stop();
        output.WriteLine($"| SQLite load (not part of the comparison) | {sw.Elapsed.TotalSeconds:F2} s | | {Mib(new FileInfo(dbPath).Length)} MiB file |");
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
            sqlCounts = Aggregate(dbPath, zoneMonth);
            sw.Stop();
            sqlTimes.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            sqlCpu.Add((process.TotalProcessorTime - cpu).TotalSeconds);
            sw.Restart();
            evidenceRows = Evidence(dbPath, zoneMonth);
            sw.Stop();
            evidenceTimes.Add(sw.Elapsed.TotalSeconds);
        }

        output.WriteLine($"| SQLite aggregate, counts only (median of {runs}) | {Median(sqlTimes):F2} s | {Median(sqlCpu):F2} s | indicators 2, 3, 4, 7, SCM3 |");
        output.WriteLine($"| SQLite counts + protocol lists read back (median of {runs}) | {Median(evidenceTimes):F2} s | | {evidenceRows:N0} rows |");
        process.Refresh();
        output.WriteLine($"| process peak working set (whole run) | | | {Mib(process.PeakWorkingSet64)} MiB |");
        output.WriteLine();

        var rows = result!.Indicators.ToDictionary(i => i.Id);
        long[] csharp =
        [
            (long)rows["2"].Measurement.Denominator, (long)rows["2"].Measurement.Numerator,
            (long)rows["3"].Measurement.Denominator, (long)rows["3"].Measurement.Numerator,
            (long)rows["4"].Measurement.Denominator, (long)rows["4"].Measurement.Numerator,
            (long)rows["7"].Measurement.Denominator, (long)rows["7"].Measurement.Numerator,
            (long)rows["SCM3"].Measurement.Denominator, (long)rows["SCM3"].Measurement.Numerator,
        ];
        var agree = csharp.SequenceEqual(sqlCounts) && streamed.PenaltyAmount == result.PenaltyAmount && readersAgree;
        output.WriteLine($"C# (den, num) for 2, 3, 4, 7, SCM3: {string.Join(", ", csharp)}");
        output.WriteLine($"SQL (den, num) for 2, 3, 4, 7, SCM3: {string.Join(", ", sqlCounts)}");
        output.WriteLine($"agree: {(agree ? "yes" : "NO")}; penalty {result.PenaltyPercent:F2} % = {result.PenaltyAmount}");
        return agree ? 0 : 1;
    }

    private static void Load(string path, List<ExportedTicket> tickets)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
                + "CREATE TABLE tickets (protocol TEXT PRIMARY KEY, channel INTEGER, kind INTEGER, uf TEXT, received INTEGER, registered INTEGER, due INTEGER,"
                + " resolved INTEGER, first_contact INTEGER, reopened INTEGER, cancelled INTEGER, rated INTEGER, score INTEGER, first_reply INTEGER, activity_value REAL);";
            pragma.ExecuteNonQuery();
        }

        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
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
                    case ExportedEventType.AgentReply: firstReply ??= e.At; break;
                    case ExportedEventType.Resolved: resolved = e.At; firstContact = e.FirstContact == true; break;
                    case ExportedEventType.Reopened: reopened = true; break;
                    case ExportedEventType.Cancelled: cancelled = true; break;
                    case ExportedEventType.Rated: rated = e.At; score = e.Score ?? 0; break;
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

            insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    private const string InMonth = "BETWEEN $s AND $e - 1";

    private static long[] Aggregate(string path, ZonedMonth month)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var query = connection.CreateCommand();
        var phone = (int)ExportedChannel.Phone;
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
        using var reader = query.ExecuteReader();
        reader.Read();
        return Enumerable.Range(0, 10).Select(i => (long)reader.GetDouble(i)).ToArray();
    }

    /// <summary>The SQL counterpart of the evidence lists: read back every protocol with its per-indicator flags.</summary>
    private static int Evidence(string path, ZonedMonth month)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = $"""
            SELECT protocol,
              resolved {InMonth} AND cancelled = 0 AND due IS NOT NULL, resolved <= due,
              rated {InMonth}, score >= 8,
              received {InMonth} AND channel <> {(int)ExportedChannel.Phone}, registered - received <= 420,
              received {InMonth} AND cancelled = 0, first_contact = 1 AND resolved IS NOT NULL,
              received {InMonth} AND kind = {(int)TicketKind.Complaint}, reopened = 1
            FROM tickets WHERE received < $e
            """;
        query.Parameters.AddWithValue("$s", month.Start.ToUnixTimeSeconds());
        query.Parameters.AddWithValue("$e", month.End.ToUnixTimeSeconds());
        var lists = Enumerable.Range(0, 10).Select(_ => new List<string>()).ToArray();
        var rows = 0;
        using var reader = query.ExecuteReader();
        while (reader.Read())
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

    private static void WriteJsonl(string path, List<ExportedTicket> tickets)
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase) },
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
        using var writer = new StreamWriter(path);
        foreach (var t in tickets)
        {
            writer.WriteLine(System.Text.Json.JsonSerializer.Serialize(t, options));
        }
    }

    private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long Mib(long bytes) => bytes / (1024 * 1024);

    private static int Setting(string variable, int fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
