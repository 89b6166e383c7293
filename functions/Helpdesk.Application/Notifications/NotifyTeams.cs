using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Notifications;

/// <summary>Consumer of <see cref="Queues.TeamsNotifications"/>: posts one card, at most once per outbox id. A failing
/// webhook throws, so that the queue retries and finally dead-letters the card.</summary>
public sealed partial class NotifyTeams(ITeamsNotifier notifier, IProcessedMessages processed, TimeProvider clock, ILogger<NotifyTeams> logger)
{
    public const string Consumer = "notify-teams";

    public async Task<bool> HandleAsync(TeamsCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var key = card.OutboxId.ToString("N");
        if (await processed.WasProcessedAsync(Consumer, key, cancellationToken).ConfigureAwait(false))
        {
            LogAlreadyPosted(logger, card.Notification.Protocol, card.Notification.Kind);
            return false;
        }

        await notifier.NotifyAsync(card.Notification, cancellationToken).ConfigureAwait(false);
        await processed.MarkProcessedAsync(Consumer, key, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogPosted(logger, card.Notification.Protocol, card.Notification.Kind);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams card for ticket {Protocol} ({Kind}) posted")]
    private static partial void LogPosted(ILogger logger, string protocol, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams card for ticket {Protocol} ({Kind}) already posted; redelivery ignored")]
    private static partial void LogAlreadyPosted(ILogger logger, string protocol, string kind);
}
