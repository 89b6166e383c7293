using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Helpdesk.Benchmarks.Cosmos;

/// <summary><c>@vercel/cosmosdb-server</c> from <c>tests/emulators</c> on a free loopback port (HTTPS, self-signed; it
/// checks no keys); disposing it kills its process tree.</summary>
public sealed class LoopbackCosmosServer : IAsyncDisposable
{
    /// <summary>Any base64 key: the loopback server does not check signatures.</summary>
    public const string AnyKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private readonly Process _process;

    private LoopbackCosmosServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>The server's script, or null with the reason when <c>tests/emulators/node_modules</c> lacks it.</summary>
    public static string? Script(out string emulators)
    {
        emulators = Path.Combine(RepositoryRoot(), "tests", "emulators");
        var script = Path.Combine(emulators, "node_modules", "@vercel", "cosmosdb-server", "lib", "cli.js");
        return File.Exists(script) ? script : null;
    }

    public static async Task<LoopbackCosmosServer> StartAsync(string script, string workingDirectory)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in new[] { script, "-p", port.ToString(CultureInfo.InvariantCulture), "--host", "127.0.0.1" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LoopbackCosmosServer(process, new Uri($"https://127.0.0.1:{port}/"));
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var probe = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"The loopback Cosmos DB server did not answer on {server.Endpoint}.");
            }

            try
            {
                using var _ = await probe.GetAsync(server.Endpoint).ConfigureAwait(false);
                return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100).ConfigureAwait(false);
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
        }
        finally
        {
            _process.Dispose();
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

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from the repository (Serverless.sln not found above the binaries or the working directory).");
    }
}
