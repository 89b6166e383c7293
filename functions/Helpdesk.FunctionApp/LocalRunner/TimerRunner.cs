using Cronos;
using Helpdesk.Hosting.Metadata;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.LocalRunner;

/// <summary>Fires every timer function of the catalogue on its NCRONTAB schedule (UTC), through the invocation endpoint.</summary>
public sealed partial class TimerRunner(FunctionInvoker invoker, TimeProvider clock, IOptions<LocalRunnerOptions> options, ILogger<TimerRunner> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TimersEnabled)
        {
            return Task.CompletedTask;
        }

        var loops = FunctionCatalog.All
            .Where(f => f.Trigger is TimerTrigger)
            .Select(f => RunAsync(f, (TimerTrigger)f.Trigger, stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task RunAsync(FunctionDefinition function, TimerTrigger trigger, CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(trigger.Schedule, CronFormat.IncludeSeconds);
        DateTimeOffset? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            try
            {
                await Task.Delay(next.Value - now, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var following = schedule.GetNextOccurrence(next.Value, TimeZoneInfo.Utc) ?? next.Value;
            var payload = HostPayloads.Timer(trigger.Name, function.Name, last, following, isPastDue: false, clock.GetUtcNow());
            var outcome = await invoker.InvokeAsync(function.Name, payload, stoppingToken).ConfigureAwait(false);
            if (!outcome.Succeeded)
            {
                LogTimerFailed(logger, function.Name, outcome.StatusCode);
            }

            last = next;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer function {Function} failed with status {Status}")]
    private static partial void LogTimerFailed(ILogger logger, string function, int status);
}
