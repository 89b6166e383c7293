using Helpdesk.Application.Outbox;

namespace Helpdesk.Hosting.Metadata;

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
        new HttpTrigger("mailbox/messages", ["POST"], AuthLevel.Function),
        [new HttpOutput()],
        "Raw RFC 822 messages from mail systems (local mailbox intake); requires a function key in Azure.");

    public static FunctionDefinition HeldMessages { get; } = new(
        "HeldMessages",
        new HttpTrigger("mailbox/held/{*path}", ["GET", "POST"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Messages the intake held for review (list, open a ticket, discard); supervisors and admins only (issue 18).");

    public static FunctionDefinition Tickets { get; } = new(
        "Tickets",
        new HttpTrigger("tickets/{*path}", ["GET", "POST", "PUT", "PATCH", "DELETE"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The ticket API: anonymous POST opens a ticket (rate-limited); everything else needs a staff identity (App Service authentication or a bearer token).");

    public static FunctionDefinition Knowledge { get; } = new(
        "Knowledge",
        new HttpTrigger("kb/{*path}", ["GET", "POST", "PUT"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The knowledge base (articles, canned answers, search, use counts); staff identity required.");

    public static FunctionDefinition Catalogue { get; } = new(
        "Catalogue",
        new HttpTrigger("catalogue", ["GET", "PUT"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The service catalogue (categories, priorities, support groups, level-1 scripts); staff identity required.");

    public static FunctionDefinition Institutions { get; } = new(
        "Institutions",
        new HttpTrigger("institutions/{*path}", ["GET", "PUT", "DELETE"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The e-mail domain → institution table; staff read it, admins edit it.");

    public static FunctionDefinition Survey { get; } = new(
        "Survey",
        new HttpTrigger("surveys/{*path}", ["GET", "POST"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The requesters' satisfaction survey behind signed links (no sign-in: the HMAC-signed token is the capability).");

    public static FunctionDefinition DeadLetters { get; } = new(
        "DeadLetters",
        new HttpTrigger("deadletters/{*path}", ["GET", "POST"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Supervisors list and replay queue messages that exhausted their deliveries (embedded runner).");

    public static FunctionDefinition Audit { get; } = new(
        "Audit",
        new HttpTrigger("audit/{*path}", ["GET"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Supervisors and auditors: interaction-record exports (CSV, JSONL), protocol continuity, unflagged reopenings, misclassified complaints, hash-chain verification, and the raw histories and protocol ledger for offline checks.");

    public static FunctionDefinition Me { get; } = new(
        "Me",
        new HttpTrigger("me", ["GET"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Who is signed in and what they may do.");

    public static FunctionDefinition OpenApi { get; } = new(
        "OpenApi",
        new HttpTrigger("openapi.json", ["GET"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The OpenAPI document of the HTTP API.");

    public static FunctionDefinition Health { get; } = new(
        "Health",
        new HttpTrigger("health", ["GET"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Liveness and readiness of the app and its store.");

    public static FunctionDefinition Web { get; } = new(
        "Web",
        new HttpTrigger("app/{*path}", ["GET", "POST"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The web front end (pages under /api/app/): the public request form, and the agents' pages behind App Service authentication.");

    public static FunctionDefinition SendRequesterMail { get; } = new(
        "SendRequesterMail",
        new ServiceBusTrigger(Queues.OutboundMail),
        [],
        "Sends one queued e-mail to a requester (acknowledgments, replies, surveys), once per outbox id.");

    public static FunctionDefinition ForwardOutbox { get; } = new(
        "ForwardOutbox",
        new CosmosDbTrigger(Database, "tickets", "leases"),
        [new ServiceBusOutput("outboundMail", Queues.OutboundMail), new ServiceBusOutput("escalations", Queues.Escalations), new ServiceBusOutput("graphNotifications", Queues.GraphNotifications), new ServiceBusOutput("teamsNotifications", Queues.TeamsNotifications)],
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

    public static FunctionDefinition AccountProtocolNumbers { get; } = new(
        "AccountProtocolNumbers",
        new TimerTrigger("0 5 * * * *"),
        [],
        "Every hour: records as void, with the reason, the protocol numbers reserved but never turned into tickets (ADR-003; Cosmos DB store).");

    public static FunctionDefinition Groups { get; } = new(
        "Groups",
        new HttpTrigger("groups/{*path}", ["GET", "PUT", "DELETE"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The support groups' roster: members and their availability for escalations; supervisors edit it, agents set their own availability.");

    public static FunctionDefinition RouteEscalation { get; } = new(
        "RouteEscalation",
        new ServiceBusTrigger(Queues.Escalations),
        [],
        "One hand-off to level 2: routes it by category, priority and reason, assigns the group's least-loaded available agent, queues the group's Teams card; once per outbox id.");

    public static FunctionDefinition NotifyTeams { get; } = new(
        "NotifyTeams",
        new ServiceBusTrigger(Queues.TeamsNotifications),
        [],
        "Posts one Adaptive Card to the Teams Workflows webhook (escalations, deadline alerts), once per outbox id.");

    public static FunctionDefinition SweepDeadlines { get; } = new(
        "SweepDeadlines",
        new TimerTrigger("0 * * * * *"),
        [],
        "Every minute: warns on tickets at risk, escalates level-1 tickets at their deadline (reason \"prazo\"), warns supervisors of level-2 breaches.");

    public static FunctionDefinition Exports { get; } = new(
        "Exports",
        new HttpTrigger("exports/{*path}", ["GET"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Finance and supervisors: the month's ticket-history export (JSONL, the format helpdesk assess reads) and the daily indicator figures.");

    public static FunctionDefinition Imports { get; } = new(
        "Imports",
        new HttpTrigger("imports/{*path}", ["GET", "PUT"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "Finance and supervisors: the month's call-centre CSV, validated and stored in the report store, read by the closing and the daily figures.");

    public static FunctionDefinition Justifications { get; } = new(
        "Justifications",
        new HttpTrigger("justifications/{*path}", ["GET", "POST"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The justification workflow of a closed month's missed indicators: finance records the supplier's justification, the contract manager (supervisor) decides.");

    /// <summary>00:05 in São Paulo (UTC−3, no daylight saving since 2019): NCRONTAB is UTC, the day is computed in code.</summary>
    public static FunctionDefinition DailyIndicators { get; } = new(
        "DailyIndicators",
        new TimerTrigger("0 5 3 * * *"),
        [],
        "Just after midnight São Paulo time: stores the previous day's month-to-date indicators for the dashboard.");

    /// <summary>00:30 in São Paulo on the 1st: the month is computed in code from the São Paulo date.</summary>
    public static FunctionDefinition MonthlyClosing { get; } = new(
        "MonthlyClosing",
        new TimerTrigger("0 30 3 1 * *"),
        [],
        "On the 1st, just after midnight São Paulo time: closes the previous month and publishes the finance summary (JSON, CSV, XLSX, HTML) to the report store; a new version only when the figures changed.");

    /// <summary>00:10 in São Paulo every day: re-settles the closed months whose justification windows were open (ADR-015).</summary>
    public static FunctionDefinition SettleJustifications { get; } = new(
        "SettleJustifications",
        new TimerTrigger("0 10 3 * * *"),
        [],
        "Just after midnight São Paulo time: settles again the last closed months whose justification windows were open, publishing a new version of their finance documents only when the settlement changed.");

    public static FunctionDefinition Requesters { get; } = new(
        "Requesters",
        new HttpTrigger("requesters/{*path}", ["GET", "POST"], AuthLevel.Anonymous),
        [new HttpOutput()],
        "The data protection officer (or an admin): everything held about a requester, and the anonymization of their tickets (LGPD art. 18; ADR-023).");

    public static FunctionDefinition EraseExpiredPersonalData { get; } = new(
        "EraseExpiredPersonalData",
        new TimerTrigger("0 20 3 * * *"),
        [],
        "Just after midnight São Paulo time: erases the requester's personal data from ended tickets whose retention (the contract's retention section) is over; the tickets and every figure stay (ADR-023).");

    public static IReadOnlyList<FunctionDefinition> All { get; } =
    [
        Mailbox,
        HeldMessages,
        Tickets,
        Knowledge,
        Catalogue,
        Institutions,
        Survey,
        Me,
        DeadLetters,
        Audit,
        OpenApi,
        Health,
        Web,
        SendRequesterMail,
        ForwardOutbox,
        AvailabilityProbe,
        GraphNotifications,
        ProcessGraphNotification,
        RenewGraphSubscription,
        AccountProtocolNumbers,
        Groups,
        RouteEscalation,
        NotifyTeams,
        SweepDeadlines,
        Exports,
        Imports,
        Justifications,
        DailyIndicators,
        MonthlyClosing,
        SettleJustifications,
        Requesters,
        EraseExpiredPersonalData,
    ];

    /// <summary>The function whose Service Bus trigger listens on <paramref name="queue"/>.</summary>
    public static FunctionDefinition? ForQueue(string queue) =>
        All.FirstOrDefault(f => f.Trigger is ServiceBusTrigger t && string.Equals(t.QueueName, queue, StringComparison.Ordinal));
}
