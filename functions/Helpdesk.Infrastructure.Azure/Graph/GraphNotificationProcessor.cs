using Helpdesk.Application.Intake;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>
/// Processes one stored Graph notification (consumer of the <c>graph-notifications</c> queue): a new message is
/// fetched and handed to the same <see cref="TicketIntake"/> as the local mailbox (threading, dedupe on
/// internetMessageId, loop protection); lifecycle events renew, recreate or resynchronise. Idempotent: a message
/// already handled (Graph retries a notification, or sends several for one message) is not fetched again (the
/// processed-messages record, keyed by the message's immutable id); renewing or resynchronising twice is harmless.
/// </summary>
public sealed partial class GraphNotificationProcessor(GraphMailbox mailbox, TicketIntake intake, IProcessedMessages processed, TimeProvider clock, ILogger<GraphNotificationProcessor> logger)
{
    /// <summary>The consumer name of the processed-messages record.</summary>
    public const string Consumer = "graph-messages";

    public async Task<string> ProcessAsync(GraphNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        switch (notification.LifecycleEvent)
        {
            case "reauthorizationRequired":
                await mailbox.RenewSubscriptionAsync(notification.SubscriptionId ?? throw new InvalidOperationException("A lifecycle notification without subscriptionId."), cancellationToken).ConfigureAwait(false);
                return "subscription renewed";
            case "subscriptionRemoved":
                await mailbox.CreateSubscriptionAsync(cancellationToken).ConfigureAwait(false);
                await ResyncAsync(cancellationToken).ConfigureAwait(false);
                return "subscription recreated";
            case "missed":
                return await ResyncAsync(cancellationToken).ConfigureAwait(false);
            case null:
                break;
            default:
                LogUnknownLifecycle(logger, notification.LifecycleEvent);
                return "ignored lifecycle event";
        }

        if (notification.ResourceData?.Id is not { Length: > 0 } id)
        {
            return "ignored: no message id";
        }

        if (await processed.WasProcessedAsync(Consumer, id, cancellationToken).ConfigureAwait(false))
        {
            return "message already processed";
        }

        var email = await mailbox.FetchAsync(id, cancellationToken).ConfigureAwait(false);
        if (email is null)
        {
            return "message no longer exists";
        }

        var result = await intake.ReceiveEmailAsync(email, email.Date ?? clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (result.Outcome == IntakeOutcome.InProgress)
        {
            throw new MessageInProgressException(); // another delivery holds the claim: the platform retries; not remembered
        }

        await processed.MarkProcessedAsync(Consumer, id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return $"{result.Outcome} {result.Protocol}";
    }

    private async Task<string> ResyncAsync(CancellationToken cancellationToken)
    {
        var emails = await mailbox.ResyncAsync(cancellationToken).ConfigureAwait(false);
        var created = 0;
        foreach (var email in emails)
        {
            var result = await intake.ReceiveEmailAsync(email, email.Date ?? clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            created += result.Outcome switch
            {
                IntakeOutcome.Created => 1,
                IntakeOutcome.InProgress => throw new MessageInProgressException(),
                _ => 0,
            };
        }

        LogResync(logger, emails.Count, created);
        return $"resynchronised {emails.Count} message(s), {created} new ticket(s)";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph resync read {Count} message(s) and registered {Created} new ticket(s)")]
    private static partial void LogResync(ILogger logger, int count, int created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown Graph lifecycle event {LifecycleEvent} ignored")]
    private static partial void LogUnknownLifecycle(ILogger logger, string lifecycleEvent);
}
