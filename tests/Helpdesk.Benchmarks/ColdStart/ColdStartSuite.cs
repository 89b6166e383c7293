using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Helpdesk.Benchmarks.ColdStart;

/// <summary>
/// Cold start of the deployment package as <c>infra/package.sh</c> builds it (Release, self-contained linux-x64), beside
/// the floor: a minimal ASP.NET Core app (<c>ColdStart/Floor</c>) published the same way, in the same run. Each run
/// starts the process as the Functions host would (FUNCTIONS-HOST.md §1: <c>--urls http://127.0.0.1:{port}</c>,
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, the app root as working directory) with the embedded defaults on a fresh data
/// folder, probes <c>GET /</c> until any HTTP answer, then (the app only) creates the first ticket. The two are
/// alternated, one discarded warm-up pair first (disk cache), then <see cref="Runs"/> pairs.
/// </summary>
/// <remarks>
/// Environment: <c>HELPDESK_COLDSTART_PACKAGE</c> = a package zip to reuse instead of running <c>infra/package.sh</c>;
/// <c>HELPDESK_COLDSTART_FLOOR_ARGS</c> = extra <c>dotnet publish</c> arguments for the floor (to try an option on both);
/// <c>HELPDESK_COLDSTART_RUNS</c> = pairs measured (default 10); <c>HELPDESK_COLDSTART_PROBE_MS</c> = probe interval
/// (default 5 ms for resolution; the host probes every 25 ms).
/// </remarks>
public sealed class ColdStartSuite : IBenchmarkSuite
{
    private const string TicketBody = """{"subject":"Pedido de acesso ao sistema","description":"Preciso de acesso ao módulo de relatórios da unidade.","requesterEmail":"ana.lima@ifrs.edu.br","requesterName":"Ana Lima","channel":"webForm"}""";
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30); // the host's InitializationTimeout

    public string Name => "coldstart";

    public string Description => "process start → readiness and → first ticket of the package vs a minimal ASP.NET Core app";

    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("HELPDESK_COLDSTART_RUNS"), out var n) && n > 0 ? n : 10;

    private static TimeSpan ProbeInterval => TimeSpan.FromMilliseconds(int.TryParse(Environment.GetEnvironmentVariable("HELPDESK_COLDSTART_PROBE_MS"), out var ms) && ms > 0 ? ms : 5);

    public int Run(TextWriter output) => RunAsync(output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(TextWriter output)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine("the coldstart suite runs the linux-x64 package: Linux only");
            return 2;
        }

        var repo = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("helpdesk-bench-coldstart-").FullName;
        try
        {
            var zip = Environment.GetEnvironmentVariable("HELPDESK_COLDSTART_PACKAGE");
            if (string.IsNullOrEmpty(zip))
            {
                zip = Path.Combine(work, "helpdesk.zip");
                output.WriteLine("building the package: infra/package.sh (Release)");
                Shell(repo, "bash", ["infra/package.sh", "--out", zip]);
            }
            else
            {
                output.WriteLine($"reusing the package {zip} (HELPDESK_COLDSTART_PACKAGE)");
            }

            var appRoot = Path.Combine(work, "app");
            ZipFile.ExtractToDirectory(zip, appRoot);
            var handler = Path.Combine(appRoot, "handler", "Helpdesk.FunctionApp");
            File.SetUnixFileMode(handler, File.GetUnixFileMode(handler) | UnixFileMode.UserExecute);

            var floorRoot = Path.Combine(work, "floor");
            var floorArgs = Environment.GetEnvironmentVariable("HELPDESK_COLDSTART_FLOOR_ARGS") ?? string.Empty;
            output.WriteLine($"publishing the floor (Release, self-contained linux-x64{(floorArgs.Length > 0 ? ", " + floorArgs : string.Empty)})");
            Shell(repo, "dotnet", ["publish", "tests/Helpdesk.Benchmarks/ColdStart/Floor/Floor.csproj", "-c", "Release", "-r", "linux-x64", "--self-contained", "true", "-o", floorRoot, "--nologo", "-v", "quiet", .. floorArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
            var floorExe = Path.Combine(floorRoot, "Floor");

            output.WriteLine($"package: zip {Mib(new FileInfo(zip).Length)}, unzipped {Mib(FolderBytes(appRoot))} ({Directory.GetFiles(appRoot, "*", SearchOption.AllDirectories).Length} files); " +
                             $"handler R2R: {(IsReadyToRun(Path.Combine(appRoot, "handler", "Helpdesk.FunctionApp.dll")) ? "yes" : "no")}; floor published: {Mib(FolderBytes(floorRoot))}, R2R: {(IsReadyToRun(Path.Combine(floorRoot, "Floor.dll")) ? "yes" : "no")}");
            output.WriteLine($"probe: GET http://127.0.0.1:{{port}}/ every {ProbeInterval.TotalMilliseconds:F0} ms (the host: every 25 ms); {Runs} runs each after one discarded warm-up, alternating floor and app");

            var app = new List<AppRun>();
            var floor = new List<FloorRun>();
            for (var run = 0; run <= Runs; run++)
            {
                var f = await StartFloorAsync(floorExe, floorRoot).ConfigureAwait(false);
                var a = await StartAppAsync(handler, appRoot, work).ConfigureAwait(false);
                if (f.Error is not null || a.Error is not null)
                {
                    output.WriteLine($"run {run}: FAILED: {f.Error ?? a.Error}");
                    return 1;
                }

                output.WriteLine(run == 0
                    ? $"warm-up (discarded): floor ready {f.Ready.TotalMilliseconds:F0} ms; app ready {a.Ready.TotalMilliseconds:F0} ms, first ticket {a.Ticket.TotalMilliseconds:F0} ms"
                    : $"run {run}: floor ready {f.Ready.TotalMilliseconds:F0} ms ({Mib(f.RssReady)} RSS); app ready {a.Ready.TotalMilliseconds:F0} ms ({Mib(a.RssReady)}), first ticket 201 at {a.Ticket.TotalMilliseconds:F0} ms (its answer took {a.TicketAnswer.TotalMilliseconds:F0} ms; {Mib(a.RssTicket)} RSS, peak {Mib(a.HwmTicket)})");
                if (run > 0)
                {
                    floor.Add(f);
                    app.Add(a);
                }
            }

            var floorReady = Stats(floor.Select(f => f.Ready.TotalMilliseconds));
            var appReady = Stats(app.Select(a => a.Ready.TotalMilliseconds));
            var appTicket = Stats(app.Select(a => a.Ticket.TotalMilliseconds));
            var answer = Stats(app.Select(a => a.TicketAnswer.TotalMilliseconds));
            output.WriteLine();
            output.WriteLine($"| {Runs} runs each                               | median ms | p90 ms | ratio to the floor (median) |");
            output.WriteLine("|---|---:|---:|---:|");
            output.WriteLine($"| floor: process start → GET / answered       | {floorReady.Median:F0} | {floorReady.P90:F0} | 1.00× |");
            output.WriteLine($"| app: process start → GET / answered         | {appReady.Median:F0} | {appReady.P90:F0} | {appReady.Median / floorReady.Median:F2}× |");
            output.WriteLine($"| app: process start → first ticket 201       | {appTicket.Median:F0} | {appTicket.P90:F0} | {appTicket.Median / floorReady.Median:F2}× |");
            output.WriteLine($"| app: the first POST /api/tickets' own answer | {answer.Median:F0} | {answer.P90:F0} | |");
            output.WriteLine();
            output.WriteLine($"memory (median): floor after readiness VmRSS {Mib(MedianOf(floor.Select(f => f.RssReady)))}, VmHWM {Mib(MedianOf(floor.Select(f => f.HwmReady)))}; " +
                             $"app after readiness VmRSS {Mib(MedianOf(app.Select(a => a.RssReady)))}, VmHWM {Mib(MedianOf(app.Select(a => a.HwmReady)))}; " +
                             $"app after the first ticket VmRSS {Mib(MedianOf(app.Select(a => a.RssTicket)))}, VmHWM {Mib(MedianOf(app.Select(a => a.HwmTicket)))}");
            output.WriteLine($"target: readiness ≤ 1.5× the floor: {(appReady.Median <= 1.5 * floorReady.Median ? "met" : "NOT met")} ({appReady.Median / floorReady.Median:F2}×)");
            output.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record FloorRun(TimeSpan Ready, long RssReady, long HwmReady, string? Error);

    private sealed record AppRun(TimeSpan Ready, long RssReady, long HwmReady, TimeSpan Ticket, TimeSpan TicketAnswer, long RssTicket, long HwmTicket, string? Error);

    private static async Task<FloorRun> StartFloorAsync(string exe, string root)
    {
        var port = FreePort();
        using var process = Launch(exe, root, port, new Dictionary<string, string>(StringComparer.Ordinal));
        var watch = Stopwatch.StartNew();
        process.Start();
        var log = Drain(process);
        try
        {
            using var client = NewClient(port);
            var ready = await ProbeAsync(client, process, watch).ConfigureAwait(false);
            if (ready is null)
            {
                return new FloorRun(default, 0, 0, $"the floor gave no HTTP answer within {GiveUp.TotalSeconds:F0} s: {log}");
            }

            var (rss, hwm) = Memory(process.Id);
            return new FloorRun(ready.Value, rss, hwm, null);
        }
        finally
        {
            Stop(process);
        }
    }

    private static async Task<AppRun> StartAppAsync(string exe, string appRoot, string work)
    {
        var port = FreePort();
        var data = Path.Combine(work, "data-" + Guid.NewGuid().ToString("N")); // a true first start: no database yet
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Helpdesk__DataDirectory"] = data,
            ["Survey__SigningKey"] = "benchmark-only-survey-signing-key-0123456789", // required under the host
            ["RateLimiting__Intake__PermitLimit"] = "100000",
        };
        using var process = Launch(exe, appRoot, port, environment);
        var watch = Stopwatch.StartNew();
        process.Start();
        var log = Drain(process);
        try
        {
            using var client = NewClient(port);
            var ready = await ProbeAsync(client, process, watch).ConfigureAwait(false);
            if (ready is null)
            {
                return Failed($"the app gave no HTTP answer within {GiveUp.TotalSeconds:F0} s: {log}");
            }

            var (rssReady, hwmReady) = Memory(process.Id);
            var sent = watch.Elapsed;
            using var content = new StringContent(TicketBody, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/api/tickets", UriKind.Relative), content).ConfigureAwait(false);
            var answered = watch.Elapsed;
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return Failed($"POST /api/tickets answered {(int)response.StatusCode}, not 201: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)} {log}");
            }

            var (rssTicket, hwmTicket) = Memory(process.Id);
            return new AppRun(ready.Value, rssReady, hwmReady, answered, answered - sent, rssTicket, hwmTicket, null);
        }
        finally
        {
            Stop(process);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        static AppRun Failed(string error) => new(default, 0, 0, default, default, 0, 0, error);
    }

    /// <summary>The process as the Functions host starts it: host.json's arguments, the port variables, the app root as
    /// working directory (FUNCTIONS-HOST.md §1).</summary>
    private static Process Launch(string exe, string workingDirectory, int port, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(exe)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var portText = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = portText;
        start.Environment["FUNCTIONS_HTTPWORKER_PORT"] = portText;
        start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = Guid.NewGuid().ToString();
        start.Environment["FUNCTIONS_HTTPWORKER_ID"] = start.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"];
        start.Environment["FUNCTIONS_APP_ROOT_PATH"] = workingDirectory;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new Process { StartInfo = start };
    }

    /// <summary>Reads the process's output as the host does (so that it never blocks on a full pipe); keeps the tail for an error message.</summary>
    private static StringBuilder Drain(Process process)
    {
        var tail = new StringBuilder();
        void Keep(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (tail)
            {
                tail.AppendLine(e.Data);
                if (tail.Length > 4000)
                {
                    tail.Remove(0, tail.Length - 4000);
                }
            }
        }

        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tail;
    }

    /// <summary>GET / until any HTTP answer (a refused connection means "keep waiting", as for the host); null if none in time.</summary>
    private static async Task<TimeSpan?> ProbeAsync(HttpClient client, Process process, Stopwatch watch)
    {
        while (watch.Elapsed < GiveUp && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
                return watch.Elapsed;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(ProbeInterval).ConfigureAwait(false);
            }
        }

        return null;
    }

    private static HttpClient NewClient(int port) =>
        new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = GiveUp };

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        process.WaitForExit();
    }

    private static (long Rss, long Hwm) Memory(int pid)
    {
        long rss = 0, hwm = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kib(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = Kib(line);
            }
        }

        return (rss, hwm);

        static long Kib(string line) => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether a managed assembly carries ReadyToRun code (a ManagedNativeHeader in its CLI header).</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static void Shell(string directory, string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (no Serverless.sln above " + AppContext.BaseDirectory + ")");
    }

    private static long FolderBytes(string folder) => Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB";

    private static long MedianOf(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Median and 90th percentile (nearest rank).</summary>
    private static (double Median, double P90) Stats(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var p90 = sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(0.9 * sorted.Length) - 1)];
        return (median, p90);
    }
}
