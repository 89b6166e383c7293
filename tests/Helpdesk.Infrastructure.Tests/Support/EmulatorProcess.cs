using Helpdesk.FunctionApp.Tests.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Helpdesk.Infrastructure.Tests.Support;

/// <summary>
/// One emulator from <c>tests/emulators/node_modules/.bin</c> (installed by <c>./test.sh</c>), started on a free
/// loopback port and waited for with a bounded wait; disposing it kills its whole process tree.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private EmulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static string EmulatorsFolder => Path.Combine(RepositoryRoot.Path, "tests", "emulators");

    /// <summary>Starts <paramref name="tool"/> with the arguments <paramref name="arguments"/> makes from a free port, and
    /// waits until <paramref name="baseUri"/> of that port answers any HTTP response.</summary>
    public static async Task<EmulatorProcess> StartAsync(string tool, Func<int, IEnumerable<string>> arguments, Func<int, Uri> baseUri, string? workingDirectory = null)
    {
        var script = Path.Combine(EmulatorsFolder, "node_modules", ".bin", tool);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"The emulator '{tool}' is not installed ({script} is missing). Run `npm ci --prefix tests/emulators` (./test.sh does it).");
        }

        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? EmulatorsFolder,
        };
        start.ArgumentList.Add(Path.GetFullPath(ResolveLink(script)));
        foreach (var argument in arguments(port))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var emulator = new EmulatorProcess(process, port);
        process.OutputDataReceived += (_, e) => emulator.Append(e.Data);
        process.ErrorDataReceived += (_, e) => emulator.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await emulator.WaitUntilAnsweringAsync(tool, baseUri(port)).ConfigureAwait(false);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return emulator;
    }

    private static string ResolveLink(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is { } target ? Path.Combine(info.DirectoryName!, target) : path;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 20_000)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync(string tool, Uri uri)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The emulator '{tool}' exited with code {_process.ExitCode} before answering on {uri}. Its output:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(uri).ConfigureAwait(false);
                return; // any HTTP answer means it listens
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (watch.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The emulator '{tool}' did not answer on {uri} within {StartTimeout.TotalSeconds:0} s. Its output:\n{Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        finally
        {
            _process.Dispose();
        }
    }
}
