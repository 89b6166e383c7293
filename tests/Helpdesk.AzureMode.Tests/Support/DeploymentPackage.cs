using System.Diagnostics;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.AzureMode.Tests.Support;

/// <summary>
/// The deployment package, built once per test run by <c>infra/package.sh</c> itself (publish self-contained for
/// linux-x64, the generated function.json folders, host.json, zipped with file modes), then unzipped the way the
/// platform mounts it. <see cref="AppRootAsync"/> is the app root the host would run; the environment variable
/// <c>HELPDESK_AZURE_MODE_APP_ROOT</c> names an already unzipped package instead (local iteration only).
/// </summary>
public static class DeploymentPackage
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _appRoot;

    /// <summary>How long the build took (reported with the scenario's timings).</summary>
    public static TimeSpan BuildTime { get; private set; }

    public static async Task<string> AppRootAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_appRoot is not null)
            {
                return _appRoot;
            }

            // A package already unzipped (e.g. by an earlier run), to iterate on the tests without rebuilding it.
            if (Environment.GetEnvironmentVariable("HELPDESK_AZURE_MODE_APP_ROOT") is { Length: > 0 } prebuilt)
            {
                _appRoot = prebuilt;
                return prebuilt;
            }

            var work = Path.Combine(Path.GetTempPath(), "helpdesk-azure-mode", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(work);
            var zip = Path.Combine(work, "helpdesk.zip");
            var watch = Stopwatch.StartNew();
            await RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "infra", "package.sh"), "--out", zip], RepositoryRoot.Path, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
            var root = Path.Combine(work, "wwwroot");
            await RunAsync("unzip", ["-q", zip, "-d", root], work, TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            BuildTime = watch.Elapsed;
            _appRoot = root;
            return root;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string file, string[] arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output.ConfigureAwait(false)}\n{await error.ConfigureAwait(false)}");
        }
    }
}
