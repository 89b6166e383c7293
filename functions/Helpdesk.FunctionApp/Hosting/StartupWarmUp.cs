using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Invocation;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// Work every first request needs, done right after the server listens instead of before it (cold start, issue 21):
/// the ticket store (on the embedded defaults, opening the SQLite file and applying its schema), the availability log and
/// the handlers of the non-HTTP functions (a handler missing from the catalogue fails here). A request that arrives
/// meanwhile waits for the same work (singletons are built once, under the container's lock): it never sees a
/// half-initialised app. The routing table is left to the first routed request: a warm-up request through the pipeline
/// was measured to slow the first ticket (it competes for the two cores when the first request arrives at once). A
/// failure stops the app with a critical log and exit code 70 (Program.cs), as clearly as when the store was opened
/// before listening.
/// </summary>
public sealed partial class StartupWarmUp(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<StartupWarmUp> logger) : BackgroundService
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

        _outcome.TrySetResult("ready");
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up failed after the server listened ({Error}: {Reason}); stopping")]
    private static partial void LogStoreFailed(ILogger logger, string error, string reason);
}
