using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Invocation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// The work every first request needs, done right after the server listens instead of before it (cold start, issue 21):
/// the ticket store (on the embedded defaults, opening the SQLite file and applying its schema) and the handlers of the
/// non-HTTP functions (a handler missing from the catalogue fails here), then one
/// <c>GET /api/health</c> through the real pipeline, which builds the routing table and reads the store. A request that
/// arrives meanwhile waits for the same work (singletons are built once, under the container's lock; routing builds its
/// table once for all requests): it never sees a half-initialised app. A store that cannot be opened stops the app with
/// a critical log and exit code 70 (Program.cs), as clearly as when it was opened before listening.
/// </summary>
public sealed partial class StartupWarmUp(IServiceProvider services, IServer server, IHostApplicationLifetime lifetime, ILogger<StartupWarmUp> logger) : BackgroundService
{
    /// <summary>The exit code of a start that failed after the server listened (EX_SOFTWARE).</summary>
    public const int FailedExitCode = 70;

    /// <summary>The process's exit code once the app has stopped: <see cref="FailedExitCode"/> when the warm-up failed, else 0.</summary>
    public static int ExitCode(IServiceProvider services) =>
        services.GetServices<IHostedService>().OfType<StartupWarmUp>().Any(w => w.Outcome is { IsCompletedSuccessfully: true, Result: "failed" }) ? FailedExitCode : 0;

    /// <summary>Completes when the warm-up has finished: "ready", "failed" or "cancelled"; for tests and diagnostics.</summary>
    public Task<string> Outcome => _outcome.Task;

    private readonly TaskCompletionSource<string> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ServerStarted.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _outcome.TrySetResult("cancelled");
            return;
        }

        try
        {
            // Off the start-up path: the stores' constructors may do blocking I/O (SQLite's schema).
            await Task.Run(() =>
            {
                _ = services.GetRequiredService<ITicketStore>();
                _ = services.GetRequiredService<IAvailabilityLog>();
                _ = services.GetRequiredService<FunctionHandlers>(); // every handler of the catalogue, and what they use
            }, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _outcome.TrySetResult("cancelled");
            return;
        }
#pragma warning disable CA1031 // reported, then the app stops: the host starts a new process
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStoreFailed(logger, ex.GetType().Name, ex.Message);
            _outcome.TrySetResult("failed");
            lifetime.StopApplication();
            return;
        }

        await WarmRoutingAsync(stoppingToken).ConfigureAwait(false);
        _outcome.TrySetResult("ready");
    }

    /// <summary>One request through the whole pipeline; its outcome is only logged (a store that is down answers 503, and
    /// that is for the health checks to report, not a reason to stop).</summary>
    private async Task WarmRoutingAsync(CancellationToken stoppingToken)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal), UriKind.Absolute, out var baseAddress))
        {
            return;
        }

        try
        {
            using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative), stoppingToken).ConfigureAwait(false);
            LogWarmedUp(logger, (int)response.StatusCode);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // only a warm-up: the first real request builds the same table
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogWarmUpRequestFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed after the server listened ({Error}: {Reason}); stopping")]
    private static partial void LogStoreFailed(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warm-up: GET /api/health answered {Status}")]
    private static partial void LogWarmedUp(ILogger logger, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up request failed ({Error}: {Reason})")]
    private static partial void LogWarmUpRequestFailed(ILogger logger, string error, string reason);
}
