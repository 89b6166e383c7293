namespace Helpdesk.FunctionApp.Hosting;

/// <summary>Waits, in a background service, for the server to listen (<see cref="IHostApplicationLifetime.ApplicationStarted"/>).</summary>
internal static class ServerStarted
{
    /// <summary>Completes when the application has started; cancelled (OperationCanceledException) when <paramref name="stoppingToken"/> fires first.</summary>
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            await started.Task.ConfigureAwait(false);
        }
    }
}
