using Helpdesk.Application.Ports;
using System.Net.Http.Json;
using Helpdesk.Application.Notifications;

namespace Helpdesk.Infrastructure.Teams;

/// <summary>Posts the Adaptive Card to a Teams Workflows webhook URL (kept in Key Vault in Azure). A non-success
/// answer throws, so that the queue delivering the notification retries and finally dead-letters it.</summary>
public sealed class WorkflowWebhookTeamsNotifier(HttpClient http, Uri webhook) : ITeamsNotifier
{
    public async Task NotifyAsync(GroupNotification notification, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(webhook, AdaptiveCardComposer.Compose(notification), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Teams webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
