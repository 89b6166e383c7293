using System.Text.Json.Nodes;
using Helpdesk.Infra.Tests.Support;
using Helpdesk.Infrastructure.Configuration;

namespace Helpdesk.Infra.Tests.Bicep;

/// <summary>
/// The function app's app settings in the compiled template and <see cref="SettingsCatalog"/> agree both ways:
/// whatever the product reads in Azure is provided, and nothing is provided that the catalogue does not declare.
/// </summary>
public sealed class SettingsCoverageTests
{
    /// <summary>Settings whose values are secrets: they must come from Key Vault, never from the template.</summary>
    private static readonly string[] SecretSettings =
    [
        "Graph__ClientSecret",
        "Graph__ClientState",
        "Survey__SigningKey",
        "Teams__WebhookUrl",
    ];

    [Fact]
    public async Task Every_setting_read_in_Azure_is_set_by_the_function_app_template()
    {
        var provided = (await AppSettingsAsync()).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        var missing = SettingsCatalog.All
            .Where(s => s.Scope is SettingScope.Always or SettingScope.Azure or SettingScope.FunctionsHost)
            .Select(s => s.Name)
            .Where(name => !provided.Contains(name))
            .ToList();

        Assert.True(missing.Count == 0, $"Settings the product reads in Azure that infra/app/function-app.bicep does not set: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_app_setting_in_the_template_is_declared_in_the_catalogue_for_Azure()
    {
        var declared = SettingsCatalog.All
            .Where(s => s.Scope is not SettingScope.Embedded)
            .Select(s => s.Name)
            .ToHashSet(StringComparer.Ordinal);

        var undeclared = (await AppSettingsAsync()).Select(p => p.Key).Where(name => !declared.Contains(name)).ToList();

        Assert.True(undeclared.Count == 0, $"App settings in the template that SettingsCatalog does not declare (add them there first): {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void Every_secret_setting_is_in_the_catalogue()
    {
        var names = SettingsCatalog.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(SecretSettings, secret => Assert.Contains(secret, names));
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public async Task Secret_setting_is_a_Key_Vault_reference(string name)
    {
        var settings = await AppSettingsAsync();

        var value = settings[name]?.GetValue<string>() ?? "";
        Assert.Contains("@Microsoft.KeyVault(VaultName=", value, StringComparison.Ordinal);
        Assert.Contains("SecretName=", value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_secret_settings_are_Key_Vault_references_and_no_setting_is_empty()
    {
        var settings = await AppSettingsAsync();

        Assert.All(settings, setting =>
        {
            var value = setting.Value?.GetValue<string>() ?? "";
            Assert.False(string.IsNullOrWhiteSpace(value), $"{setting.Key} is empty");
            Assert.Equal(SecretSettings.Contains(setting.Key), value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Catalogue_names_are_unique()
    {
        var duplicates = SettingsCatalog.All.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    public static TheoryData<string> Secrets => new(SecretSettings);

    private static Task<JsonObject> AppSettingsAsync() => CompiledInfra.AppSettingsAsync();
}
