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
        new("Tickets__ReopenWindowDays", SettingScope.Always, false, "Days after resolution in which a requester's answer reopens the ticket (after it, a new linked ticket).", "7"),
        new("Survey__SigningKey", SettingScope.Always, true, "HMAC-SHA256 key (32+ characters) signing satisfaction-survey links; a Key Vault reference in Azure. Required outside Development.", "local-development-survey-key-0123456789abcdef"),
        new("Survey__LinkLifetimeDays", SettingScope.Always, false, "Days a survey link stays valid after the resolution e-mail.", "30"),
        new("RateLimiting__Intake__PermitLimit", SettingScope.Always, false, "Anonymous ticket creations allowed per client address per window.", "20"),
        new("RateLimiting__Intake__WindowSeconds", SettingScope.Always, false, "The window of the anonymous ticket-creation limit, in seconds.", "60"),
        new("Identity__Jwt__Authority", SettingScope.Azure, false, "Entra ID authority that issues staff bearer tokens (e.g. https://login.microsoftonline.com/{tenant}/v2.0); empty: bearer tokens are not accepted.", ""),
        new("Identity__Jwt__Audience", SettingScope.Azure, false, "The audience (application ID URI or client id) staff bearer tokens must carry.", ""),
    ];
}
