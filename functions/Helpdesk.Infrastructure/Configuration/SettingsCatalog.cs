namespace Helpdesk.Infrastructure.Configuration;

/// <summary>Where a setting is needed.</summary>
public enum SettingScope
{
    /// <summary>Read in every mode (embedded and Azure).</summary>
    Always,

    /// <summary>Read only when the app runs in Azure behind the Functions host.</summary>
    Azure,

    /// <summary>Read only by the embedded default (local run, tests).</summary>
    Embedded,

    /// <summary>Read by the Functions host itself (bindings' connections), not by our code.</summary>
    FunctionsHost,
}

/// <summary>A setting the product reads. Names use the <c>Section__Key</c> form of app settings.</summary>
public sealed record SettingDefinition(string Name, SettingScope Scope, bool Required, string Description, string? LocalValue);

/// <summary>
/// The one list of every app setting the product reads. <c>local.settings.sample.json</c>, the Bicep templates and the
/// start-up validation are checked against it by tests; add a setting here first.
/// </summary>
public static class SettingsCatalog
{
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new("Helpdesk__DataDirectory", SettingScope.Embedded, false, "Folder for the SQLite store, the local mailbox and local reports.", ".data"),
        new("Helpdesk__PublicBaseUrl", SettingScope.Always, false, "Base URL that links in e-mails and Teams cards point to.", "http://localhost:7071"),
        new("Helpdesk__SupportAddress", SettingScope.Always, false, "The support mailbox address replies are sent from.", "suporte@helpdesk.local"),
        new("Helpdesk__Runner__MaxDeliveries", SettingScope.Embedded, false, "Deliveries of a queue message before the embedded runner dead-letters it.", "10"),
        new("Helpdesk__Telemetry__Console", SettingScope.Embedded, false, "Export OpenTelemetry traces and metrics to the console (default: on for a local run in Development).", "false"),
        new("Helpdesk__Runner__TimersEnabled", SettingScope.Embedded, false, "Whether the embedded runner fires timer functions on their schedules.", "true"),
        new("Tickets__ReopenWindowDays", SettingScope.Always, false, "Days after resolution in which a requester's answer reopens the ticket (after it, a new linked ticket).", "7"),
        new("Survey__SigningKey", SettingScope.Always, true, "HMAC-SHA256 key (32+ characters) signing satisfaction-survey links; a Key Vault reference in Azure. Required outside Development.", "local-development-survey-key-0123456789abcdef"),
        new("Survey__LinkLifetimeDays", SettingScope.Always, false, "Days a survey link stays valid after the resolution e-mail.", "30"),
        new("RateLimiting__Intake__PermitLimit", SettingScope.Always, false, "Anonymous ticket creations allowed per client address per window.", "20"),
        new("RateLimiting__Intake__WindowSeconds", SettingScope.Always, false, "The window of the anonymous ticket-creation limit, in seconds.", "60"),
        new("RateLimiting__Intake__TrustedProxyHops", SettingScope.Always, false, "Under the Functions host: how many proxies append to X-Forwarded-For before the app (the platform's front end: 1); the entry that many from the end is the client address the anonymous limit counts.", "1"),
        // Personal data (issue 19): acknowledgments to unverified recipients.
        new("Intake__AcknowledgmentsPerRecipientPerDay", SettingScope.Always, false, "Acknowledgments one address receives per day for requests from the anonymous web form and API (later ones are registered without one; 0: never).", "3"),
        new("Finance__ContractId", SettingScope.Always, false, "The contract's folder in the report store: finance/{contract}/{yyyy-MM}/ (letters, digits, '-', '_', '.').", "default"),
        new("Finance__MonthlyInvoice", SettingScope.Always, false, "Monthly invoice in BRL (decimal point, e.g. 1250000.00) the penalties are taken from; 'contract' or empty: the contract's invoice values.", "contract"),

        // Attachments (issue 20).
        new("Attachments__MaxFileBytes", SettingScope.Always, false, "Largest file kept from an incoming message or sent with a reply, in bytes (default 36700160: 35 MB).", "36700160"),
        new("Attachments__MaxMessageBytes", SettingScope.Always, false, "Largest total of the files kept with one message, in bytes (default 36700160: 35 MB, Exchange Online's default message size limit); parts beyond it are refused and listed on the ticket.", "36700160"),
        new("Attachments__BlockedExtensions", SettingScope.Always, false, "Comma-separated file extensions never kept nor sent (default: executables and scripts).", ".exe,.com,.bat,.cmd,.scr,.pif,.msi,.msp,.dll,.cpl,.vbs,.vbe,.js,.jse,.wsf,.wsh,.ps1,.hta,.jar,.lnk,.reg"),

        // Azure: our code's own connections (identity-based; DefaultAzureCredential picks the identity from AZURE_CLIENT_ID).
        new("AZURE_CLIENT_ID", SettingScope.Azure, true, "Client id of the app's user-assigned managed identity, used by DefaultAzureCredential.", null),
        new("CosmosDb__accountEndpoint", SettingScope.Azure, true, "Cosmos DB account (https). Set: tickets in Cosmos DB (identity-based unless accountKey is set; needs the Functions host). Empty: SQLite.", ""),
        new("CosmosDb__databaseName", SettingScope.Azure, true, "Cosmos DB database of the tickets and leases containers.", "helpdesk"),
        new("ReportStorage__blobServiceUri", SettingScope.Azure, true, "Blob service of the finance reports (identity-based). Empty with no connection string: a local folder.", ""),
        new("ReportStorage__containerName", SettingScope.Azure, true, "Blob container of the finance reports.", "reports"),
        new("Graph__TenantId", SettingScope.Azure, true, "Entra tenant of the app registration that reads and sends the support mailbox. All Graph__ settings or none.", ""),
        new("Graph__ClientId", SettingScope.Azure, true, "App registration (client) id, app-only Mail.ReadWrite and Mail.Send on the support mailbox.", ""),
        new("Graph__ClientSecret", SettingScope.Azure, true, "Client secret of the app registration (a Key Vault reference in Azure).", ""),
        new("Graph__MailboxUserId", SettingScope.Azure, true, "The support mailbox (user id or principal name).", ""),
        new("Graph__ClientState", SettingScope.Azure, true, "Random secret (16+ characters) Graph returns in every notification; a Key Vault reference in Azure.", ""),
        new("Graph__NotificationUrl", SettingScope.Azure, true, "Public https URL of the webhook, https://<app>/api/graph/notifications.", ""),
        new("Graph__BaseUrl", SettingScope.Azure, false, "Graph's root URL. Empty: https://graph.microsoft.com/v1.0 (a national cloud's Graph otherwise; plain http only to a loopback stand-in).", ""),
        new("Graph__AuthorityHost", SettingScope.Azure, false, "Entra authority host for the Graph token. Empty: https://login.microsoftonline.com/ (no instance discovery when set; plain http only to a loopback stand-in).", ""),
        new("Teams__ClientId", SettingScope.Always, false, "Teams tab single sign-on: the app registration's client id (the manifest's webApplicationInfo.id). Empty: the tab signs in as the browser does.", ""),
        new("Teams__TenantId", SettingScope.Always, false, "Teams tab single sign-on: the tenant (directory) id whose users may sign in.", ""),
        new("Teams__ApplicationIdUri", SettingScope.Always, false, "Teams tab single sign-on: the registration's Application ID URI, api://<host>/<client id> (the token's audience).", ""),
        new("Teams__MetadataAddress", SettingScope.Always, false, "Teams tab single sign-on: the tenant's OpenID metadata URL. Empty: https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration (plain http only to a loopback stand-in).", ""),
        new("Teams__AppId", SettingScope.Always, false, "The Teams app's id (the manifest's id): when set, escalation and deadline cards open the ticket in the Teams tab.", ""),
        new("Teams__WebhookUrl", SettingScope.Always, false, "Teams Workflows webhook URL for agent notifications (a Key Vault reference in Azure). Empty: cards are written to {data}/teams/.", ""),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", SettingScope.Azure, true, "Application Insights connection string (telemetry is accepted with Entra auth only).", null),

        // Functions host: connections named by host.json and function.json, read by the host and its extensions.
        new("AzureWebJobsStorage__accountName", SettingScope.FunctionsHost, true, "Host storage account (timer locks, leases, keys), reached with the managed identity.", null),
        new("AzureWebJobsStorage__credential", SettingScope.FunctionsHost, true, "'managedidentity': the host storage connection uses a managed identity.", null),
        new("AzureWebJobsStorage__clientId", SettingScope.FunctionsHost, true, "Client id of the user-assigned identity for the host storage connection.", null),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", SettingScope.FunctionsHost, true, "'ClientId=<identity>;Authorization=AAD': the host sends telemetry with Entra auth.", null),
        new("ServiceBusConnection__fullyQualifiedNamespace", SettingScope.Azure, true, "Service Bus namespace host name for the queue triggers and output bindings; the app reads it too, for the dead-letter REST adapter.", null),
        new("ServiceBusConnection__credential", SettingScope.FunctionsHost, true, "'managedidentity' for the Service Bus connection.", null),
        new("ServiceBusConnection__clientId", SettingScope.Azure, true, "Client id of the user-assigned identity for the Service Bus connection (the bindings', and the dead-letter REST adapter's).", null),
        new("CosmosDbConnection__accountEndpoint", SettingScope.FunctionsHost, true, "Cosmos DB endpoint for the change-feed trigger (outbox forwarding).", null),
        new("CosmosDbConnection__credential", SettingScope.FunctionsHost, true, "'managedidentity' for the Cosmos DB trigger connection.", null),
        new("CosmosDbConnection__clientId", SettingScope.FunctionsHost, true, "Client id of the user-assigned identity for the Cosmos DB trigger connection.", null),

        // Emulators only (a Cosmos DB emulator under `func start`, Azurite): never set in Azure.
        new("CosmosDb__accountKey", SettingScope.Embedded, false, "Key for a Cosmos DB emulator only; empty in Azure (managed identity, local auth disabled).", ""),
        new("ReportStorage__connectionString", SettingScope.Embedded, false, "Storage connection string for the reports (Azurite locally); empty in Azure.", ""),
    ];
}
