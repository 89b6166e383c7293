namespace Helpdesk.Application.Outbox;

/// <summary>The queues the outbox feeds (Service Bus queues in Azure, in-process queues in the embedded mode).</summary>
public static class Queues
{
    /// <summary>E-mails to requesters (acknowledgments, replies, surveys).</summary>
    public const string OutboundMail = "outbound-mail";

    /// <summary>Hand-offs from level 1 to level 2.</summary>
    public const string Escalations = "escalations";

    /// <summary>Microsoft Graph notifications accepted by the webhook, processed asynchronously.</summary>
    public const string GraphNotifications = "graph-notifications";

    /// <summary>Adaptive Cards for the support groups' and supervisors' Teams channel (escalations, deadline alerts).</summary>
    public const string TeamsNotifications = "teams-notifications";

    public static IReadOnlyList<string> All { get; } = [OutboundMail, Escalations, GraphNotifications, TeamsNotifications];
}
