using Helpdesk.Application.Outbox;

namespace Helpdesk.Application.Functions;

/// <summary>
/// The single declaration of every function of the app. The function.json folders of the deployment package
/// (<c>helpdesk functions --out</c>), the handler's invocation endpoints and the embedded runner are all derived
/// from this list, and a test proves they agree.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>The HTTP route prefix (host.json <c>extensions.http.routePrefix</c>); never empty.</summary>
    public const string RoutePrefix = "api";

    public const string Database = "helpdesk";

    public static FunctionDefinition Mailbox { get; } = new(
        "Mailbox",
        new HttpTrigger("mailbox/{*path}", ["POST"], AuthLevel.Function),
        [new HttpOutput()],
        "Raw RFC 822 messages from mail systems (local mailbox intake); requires a function key in Azure.");

    public static FunctionDefinition Tickets { get; } = new(
        "Tickets",
        new HttpTrigger("tickets/{*path}", ["GET", "POST", "PUT", "PATCH", "DELETE"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The ticket API (agents are authenticated by App Service authentication in front of the app).");

    public static FunctionDefinition Health { get; } = new(
        "Health",
        new HttpTrigger("health", ["GET"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Liveness and readiness of the app and its store.");

    public static FunctionDefinition SendRequesterMail { get; } = new(
        "SendRequesterMail",
        new ServiceBusTrigger(Queues.OutboundMail),
        [],
        "Sends one queued e-mail to a requester (acknowledgments, replies, surveys), once per outbox id.");

    public static FunctionDefinition ForwardOutbox { get; } = new(
        "ForwardOutbox",
        new CosmosDbTrigger(Database, "tickets", "leases"),
        [new ServiceBusOutput("outboundMail", Queues.OutboundMail), new ServiceBusOutput("escalations", Queues.Escalations), new ServiceBusOutput("graphNotifications", Queues.GraphNotifications)],
        "Change feed of the tickets container: forwards new outbox items to their Service Bus queues.");

    public static FunctionDefinition AvailabilityProbe { get; } = new(
        "AvailabilityProbe",
        new TimerTrigger("0 * * * * *"),
        [],
        "Every minute: checks the store answers and records a heartbeat (feeds the availability indicator).");

    public static FunctionDefinition GraphNotifications { get; } = new(
        "GraphNotifications",
        new HttpTrigger("graph/notifications", ["POST"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Microsoft Graph webhook: validation handshake, then change and lifecycle notifications (checked by clientState, stored, processed later).");

    public static FunctionDefinition ProcessGraphNotification { get; } = new(
        "ProcessGraphNotification",
        new ServiceBusTrigger(Queues.GraphNotifications),
        [],
        "One stored Graph notification: fetches the new message into the intake, or renews, recreates or resynchronises the subscription.");

    public static FunctionDefinition RenewGraphSubscription { get; } = new(
        "RenewGraphSubscription",
        new TimerTrigger("0 15 */6 * * *"),
        [],
        "Every six hours: creates the mailbox subscription if missing, renews it when it expires within two days.");

    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        Mailbox,
        Tickets,
        Health,
        SendRequesterMail,
        ForwardOutbox,
        AvailabilityProbe,
        GraphNotifications,
        ProcessGraphNotification,
        RenewGraphSubscription,
    ];

    /// <summary>The function whose Service Bus trigger listens on <paramref name="queue"/>.</summary>
    public static FunctionDefinition? ForQueue(string queue) =>
        All.FirstOrDefault(f => f.Trigger is ServiceBusTrigger t && string.Equals(t.QueueName, queue, StringComparison.Ordinal));
}
