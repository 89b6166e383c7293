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

        // Azure: our code's own connections (identity-based; DefaultAzureCredential picks the identity from AZURE_CLIENT_ID).
        new("AZURE_CLIENT_ID", SettingScope.Azure, true, "Client id of the app's user-assigned managed identity, used by DefaultAzureCredential.", null),
        new("CosmosDb__accountEndpoint", SettingScope.Azure, true, "Cosmos DB account endpoint (https://<account>.documents.azure.com:443/).", null),
        new("CosmosDb__databaseName", SettingScope.Azure, true, "Cosmos DB database that holds the tickets, outbox, leases, protocols and dedup containers.", null),
        new("ReportStorage__blobServiceUri", SettingScope.Azure, true, "Blob endpoint of the finance storage account (https://<account>.blob.core.windows.net/).", null),
        new("ReportStorage__containerName", SettingScope.Azure, true, "Container the monthly penalty summaries are written to.", null),
        new("Graph__TenantId", SettingScope.Azure, true, "Entra tenant of the Graph app registration.", null),
        new("Graph__ClientId", SettingScope.Azure, true, "Client id of the Graph app registration (Mail.ReadWrite, Mail.Send, limited to the support mailbox).", null),
        new("Graph__ClientSecret", SettingScope.Azure, true, "Client secret of the Graph app registration (Key Vault reference).", null),
        new("Graph__MailboxUserId", SettingScope.Azure, true, "User id or UPN of the support mailbox in Graph.", null),
        new("Graph__ClientState", SettingScope.Azure, true, "Secret echoed by Graph in every change notification (Key Vault reference).", null),
        new("Graph__NotificationUrl", SettingScope.Azure, true, "Public URL of the Graph change-notification function.", null),
        new("Teams__WebhookUrl", SettingScope.Azure, true, "Teams Workflows webhook URL for agent notifications (Key Vault reference).", null),
        new("APPLICATIONINSIGHTS_CONNECTION_STRING", SettingScope.Azure, true, "Application Insights connection string (telemetry is accepted with Entra auth only).", null),

        // Functions host: connections named by host.json and function.json, read by the host and its extensions.
        new("AzureWebJobsStorage__accountName", SettingScope.FunctionsHost, true, "Host storage account (timer locks, leases, keys), reached with the managed identity.", null),
        new("AzureWebJobsStorage__credential", SettingScope.FunctionsHost, true, "'managedidentity': the host storage connection uses a managed identity.", null),
        new("AzureWebJobsStorage__clientId", SettingScope.FunctionsHost, true, "Client id of the user-assigned identity for the host storage connection.", null),
        new("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", SettingScope.FunctionsHost, true, "'ClientId=<identity>;Authorization=AAD': the host sends telemetry with Entra auth.", null),
        new("ServiceBusConnection__fullyQualifiedNamespace", SettingScope.FunctionsHost, true, "Service Bus namespace host name for the escalation trigger and output bindings.", null),
        new("ServiceBusConnection__credential", SettingScope.FunctionsHost, true, "'managedidentity' for the Service Bus connection.", null),
        new("ServiceBusConnection__clientId", SettingScope.FunctionsHost, true, "Client id of the user-assigned identity for the Service Bus connection.", null),
        new("CosmosDbConnection__accountEndpoint", SettingScope.FunctionsHost, true, "Cosmos DB endpoint for the change-feed trigger (outbox forwarding).", null),
        new("CosmosDbConnection__credential", SettingScope.FunctionsHost, true, "'managedidentity' for the Cosmos DB trigger connection.", null),
        new("CosmosDbConnection__clientId", SettingScope.FunctionsHost, true, "Client id of the user-assigned identity for the Cosmos DB trigger connection.", null),
    ];
}
