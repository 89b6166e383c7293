using Helpdesk.Application.Notifications;

namespace Helpdesk.Application.Ports;

/// <summary>Posts a notification to the support group's Teams channel (a Workflows webhook in Azure).</summary>
public interface ITeamsNotifier
{
    Task NotifyAsync(GroupNotification notification, CancellationToken cancellationToken);
}
