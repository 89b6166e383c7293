using Helpdesk.Application.Ports;
using System.Text.Json;
using Helpdesk.Application.Notifications;

namespace Helpdesk.Infrastructure.Teams;

/// <summary>The embedded default: each card is written as JSON to <c>{data}/teams/</c>, where a person can read it.</summary>
public sealed class LocalTeamsNotifier(string dataDirectory, TimeProvider clock) : ITeamsNotifier
{
    public async Task NotifyAsync(GroupNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var folder = Path.Combine(dataDirectory, "teams");
        Directory.CreateDirectory(folder);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{notification.Protocol}-{notification.Kind}.json";
        var card = AdaptiveCardComposer.Compose(notification);
        await File.WriteAllTextAsync(Path.Combine(folder, name), card.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
    }
}
