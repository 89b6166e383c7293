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
        new("Helpdesk__RateLimits__AnonymousIntakePermitLimit", SettingScope.Always, false, "Tickets one client address may open without signing in (public form, anonymous API) per window.", "20"),
        new("Helpdesk__RateLimits__AnonymousIntakeWindow", SettingScope.Always, false, "The window of that limit (hh:mm:ss).", "00:10:00"),
        new("Helpdesk__Runner__TimersEnabled", SettingScope.Embedded, false, "Whether the embedded runner fires timer functions on their schedules.", "true"),
    ];
}
