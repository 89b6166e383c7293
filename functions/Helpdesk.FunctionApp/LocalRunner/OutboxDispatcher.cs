using Helpdesk.Application;
using Helpdesk.Hosting.Metadata;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.LocalRunner;

/// <summary>
/// The embedded stand-in for change feed + Service Bus: takes due outbox messages, invokes the function whose queue
/// trigger matches, and applies Service Bus semantics: at-least-once, retry with exponential backoff, dead-letter
/// after <see cref="LocalRunnerOptions.MaxDeliveries"/> deliveries with the reason kept.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutboxStore outbox,
    OutboxSignal signal,
    FunctionInvoker invoker,
    TimeProvider clock,
    IOptions<LocalRunnerOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 64;
    private const int Parallelism = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            int taken;
            try
            {
                taken = await DispatchDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchLoopFailed(logger, ex);
                taken = 0;
            }

            if (taken < BatchSize)
            {
                try
                {
                    await signal.WaitAsync(options.Value.OutboxPollInterval, clock, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Dispatches one batch of due messages; returns how many were taken.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var due = await outbox.TakeDueAsync(clock.GetUtcNow(), BatchSize, settings.LockDuration, cancellationToken).ConfigureAwait(false);
        var delivered = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        try
        {
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (message, ct) =>
                {
                    if (await DeliverAsync(message, settings, ct).ConfigureAwait(false))
                    {
                        delivered.Add(message.Id);
                    }
                }).ConfigureAwait(false);
        }
        finally
        {
            // One write for the batch's deliveries (also when the loop stops part-way): a message delivered but not
            // marked (the process dies here) is delivered again, and its consumer recognises it (at-least-once).
            try
            {
                await outbox.MarkDeliveredAsync(delivered, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: the store is closed; these are delivered again after the restart.
            }
        }

        return due.Count;
    }

    /// <summary>One delivery; true when it succeeded (the caller marks it delivered with the rest of its batch).</summary>
    private async Task<bool> DeliverAsync(PendingDelivery message, LocalRunnerOptions settings, CancellationToken cancellationToken)
    {
        var function = FunctionCatalog.ForQueue(message.Queue);
        if (function is null)
        {
            await outbox.DeadLetterAsync(message.Id, $"no function listens on queue '{message.Queue}'", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return false;
        }

        var payload = HostPayloads.ServiceBus(function.Trigger.Name, function.Name, message.Body, message.Id, message.DeliveryCount, message.CreatedAt, clock.GetUtcNow());
        var outcome = await invoker.InvokeAsync(function.Name, payload, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        if (outcome.Succeeded)
        {
            Count(message.Queue, "delivered");
            return true;
        }

        var reason = $"{function.Name} answered {outcome.StatusCode}: {outcome.Detail}";
        if (message.DeliveryCount >= settings.MaxDeliveries)
        {
            LogDeadLettered(logger, message.Id, message.Queue, message.DeliveryCount);
            await outbox.DeadLetterAsync(message.Id, "MaxDeliveryCountExceeded: " + reason, now, cancellationToken).ConfigureAwait(false);
            Count(message.Queue, "dead-letter");
            return false;
        }

        var delay = TimeSpan.FromTicks(Math.Min(
            settings.MaxRetryDelay.Ticks,
            settings.FirstRetryDelay.Ticks * (1L << Math.Min(message.DeliveryCount - 1, 30))));
        LogRetry(logger, message.Id, message.Queue, message.DeliveryCount, outcome.StatusCode, delay);
        await outbox.ScheduleRetryAsync(message.Id, reason, now + delay, cancellationToken).ConfigureAwait(false);
        Count(message.Queue, "retry");
        return false;
    }

    private static void Count(string queue, string result) =>
        HelpdeskMetrics.QueueDeliveries.Add(1, new KeyValuePair<string, object?>("queue", queue), new KeyValuePair<string, object?>("result", result));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} on {Queue} failed delivery {DeliveryCount} (status {StatusCode}; 0: no answer); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, Guid messageId, string queue, int deliveryCount, int statusCode, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} on {Queue} dead-lettered after {DeliveryCount} deliveries")]
    private static partial void LogDeadLettered(ILogger logger, Guid messageId, string queue, int deliveryCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox dispatch loop failed; it will try again")]
    private static partial void LogDispatchLoopFailed(ILogger logger, Exception exception);
}
