using System.Globalization;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// The format of every catalogued setting that has one (numbers, switches, URLs, addresses), checked before anything
/// starts, so that a malformed value stops the app with a message naming the setting instead of failing at its first
/// use. A blank value means "the default". Values are never echoed (some settings are secrets). The names are those
/// of <c>SettingsCatalog</c> (a test keeps them in it); the adapters' own settings are checked where they are read
/// (<see cref="AzureAdapters"/>).
/// </summary>
public static class SettingFormats
{
    private static readonly Dictionary<string, Func<string, string?>> Checks = new(StringComparer.Ordinal)
    {
        ["Helpdesk__PublicBaseUrl"] = v => AbsoluteUrl(v, httpsOnly: false),
        ["Helpdesk__SupportAddress"] = v => EmailAddress.TryParse(v, out _, out _) ? null : "must be an e-mail address",
        ["Helpdesk__Runner__MaxDeliveries"] = PositiveInteger,
        ["Helpdesk__Runner__TimersEnabled"] = Switch,
        ["Helpdesk__Telemetry__Console"] = Switch,
        ["Tickets__ReopenWindowDays"] = PositiveInteger,
        ["Survey__LinkLifetimeDays"] = PositiveInteger,
        ["RateLimiting__Intake__PermitLimit"] = PositiveInteger,
        ["RateLimiting__Intake__WindowSeconds"] = PositiveInteger,
        ["RateLimiting__Intake__TrustedProxyHops"] = PositiveInteger,
        ["Teams__WebhookUrl"] = HttpsOrLoopbackUrl,
        ["Attachments__MaxFileBytes"] = PositiveInteger,
        ["Attachments__MaxMessageBytes"] = PositiveInteger,
    };

    public static IReadOnlyCollection<string> Names => Checks.Keys;

    /// <summary>The settings that hold secrets: in Azure each is a Key Vault reference
    /// (<c>@Microsoft.KeyVault(...)</c>, infra/app/function-app.bicep) that the platform replaces by the secret's value
    /// before the app starts. A value that still reads <c>@Microsoft.KeyVault(</c> means the platform could not resolve
    /// it (secret missing, no access): the app refuses to start rather than use the reference text as a key.</summary>
    public static IReadOnlyList<string> Secrets { get; } = ["Graph__ClientSecret", "Graph__ClientState", "Survey__SigningKey", "Teams__WebhookUrl"];

    private const string KeyVaultReference = "@Microsoft.KeyVault(";

    /// <summary>What is wrong with <paramref name="value"/> for <paramref name="setting"/>, or null if it is well formed.</summary>
    public static string? Problem(string setting, string value) =>
        string.IsNullOrWhiteSpace(value) || !Checks.TryGetValue(setting, out var check) ? null : check(value.Trim());

    /// <summary>Throws <see cref="StartupConfigurationException"/> naming the first malformed setting.</summary>
    public static void Validate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var setting in Secrets)
        {
            if (configuration[setting.Replace("__", ":", StringComparison.Ordinal)] is { } value && value.TrimStart().StartsWith(KeyVaultReference, StringComparison.OrdinalIgnoreCase))
            {
                throw new StartupConfigurationException(
                    $"{setting} is an unresolved Key Vault reference: the platform could not read the secret. Check that the secret exists and that the app's identity holds Key Vault Secrets User on the vault (docs/deploy.md, step 5).");
            }
        }

        foreach (var setting in Checks.Keys)
        {
            if (configuration[setting.Replace("__", ":", StringComparison.Ordinal)] is { } value && Problem(setting, value) is { } problem)
            {
                throw new StartupConfigurationException($"{setting} {problem}.");
            }
        }
    }

    private static string? PositiveInteger(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? null : "must be a whole number greater than zero";

    private static string? Switch(string value) => bool.TryParse(value, out _) ? null : "must be true or false";

    /// <summary>An https URL, or plain http to a loopback receiver (a local Workflows stand-in in development and tests).</summary>
    private static string? HttpsOrLoopbackUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? null
            : "must be an absolute https URL (plain http only to a loopback address)";

    private static string? AbsoluteUrl(string value, bool httpsOnly) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (!httpsOnly && uri.Scheme == Uri.UriSchemeHttp))
            ? null
            : httpsOnly ? "must be an absolute https URL" : "must be an absolute http(s) URL";
}
