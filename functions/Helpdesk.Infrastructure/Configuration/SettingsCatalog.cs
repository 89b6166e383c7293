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
        new("Helpdesk__Runner__TimersEnabled", SettingScope.Embedded, false, "Whether the embedded runner fires timer functions on their schedules.", "true"),
        new("CosmosDb__accountEndpoint", SettingScope.Azure, false, "Cosmos DB account (https). Set: tickets in Cosmos DB (identity-based unless accountKey is set; needs the Functions host). Empty: SQLite.", ""),
        new("CosmosDb__accountKey", SettingScope.Azure, false, "Key for a Cosmos DB emulator only; empty in Azure (managed identity, local auth disabled).", ""),
        new("CosmosDb__databaseName", SettingScope.Azure, false, "Cosmos DB database of the tickets and leases containers.", "helpdesk"),
        new("ReportStorage__blobServiceUri", SettingScope.Azure, false, "Blob service of the finance reports (identity-based). Empty with no connection string: a local folder.", ""),
        new("ReportStorage__connectionString", SettingScope.Azure, false, "Storage connection string for the reports (Azurite locally); empty in Azure.", ""),
        new("ReportStorage__containerName", SettingScope.Azure, false, "Blob container of the finance reports.", "reports"),
        new("Graph__TenantId", SettingScope.Azure, false, "Entra tenant of the app registration that reads and sends the support mailbox. All Graph__ settings or none.", ""),
        new("Graph__ClientId", SettingScope.Azure, false, "App registration (client) id, app-only Mail.ReadWrite and Mail.Send on the support mailbox.", ""),
        new("Graph__ClientSecret", SettingScope.Azure, false, "Client secret of the app registration (a Key Vault reference in Azure).", ""),
        new("Graph__MailboxUserId", SettingScope.Azure, false, "The support mailbox (user id or principal name).", ""),
        new("Graph__ClientState", SettingScope.Azure, false, "Random secret (16+ characters) Graph returns in every notification; a Key Vault reference in Azure.", ""),
        new("Graph__NotificationUrl", SettingScope.Azure, false, "Public https URL of the webhook, https://<app>/api/graph/notifications.", ""),
    ];
}
