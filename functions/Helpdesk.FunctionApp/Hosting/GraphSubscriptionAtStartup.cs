using Helpdesk.Infrastructure.Azure.Graph;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// Creates the mailbox subscription at start-up when none exists, so that mail flows from the first deployment on, not
/// after the 6-hourly renewal timer. It runs in the background once the server listens (Graph validates the
/// notification URL during the creation request, so the webhook must already answer) and never delays the readiness
/// probe; a failure is logged and left to the renewal timer.
/// </summary>
public sealed partial class GraphSubscriptionAtStartup(GraphMailbox mailbox, IHostApplicationLifetime lifetime, ILogger<GraphSubscriptionAtStartup> logger) : BackgroundService
{
    /// <summary>Completes when the start-up check has finished (whatever its outcome); for tests and diagnostics.</summary>
    public Task<string> Outcome => _outcome.Task;

    private readonly TaskCompletionSource<string> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ServerStarted.WaitAsync(lifetime, stoppingToken).ConfigureAwait(false);

            var action = await mailbox.EnsureFirstSubscriptionAsync(stoppingToken).ConfigureAwait(false);
            LogOutcome(logger, action);
            _outcome.TrySetResult(action);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _outcome.TrySetResult("cancelled");
        }
#pragma warning disable CA1031 // any failure is left to the renewal timer
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex.GetType().Name, ex.Message);
            _outcome.TrySetResult("failed");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph subscription at start-up: {Action}")]
    private static partial void LogOutcome(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph subscription at start-up failed ({Error}: {Reason}); the renewal timer will create it")]
    private static partial void LogFailed(ILogger logger, string error, string reason);
}
