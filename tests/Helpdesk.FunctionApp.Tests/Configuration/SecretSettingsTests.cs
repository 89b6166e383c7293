using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Configuration;

/// <summary>Secrets at start-up: an unresolved Key Vault reference stops the app naming the setting, and under the
/// Functions host no development survey key is ever used, whatever the environment is called.</summary>
public sealed class SecretSettingsTests
{
    [Theory]
    [InlineData("Survey:SigningKey", "Survey__SigningKey")]
    [InlineData("Graph:ClientSecret", "Graph__ClientSecret")]
    [InlineData("Teams:WebhookUrl", "Teams__WebhookUrl")]
    public async Task An_unresolved_Key_Vault_reference_stops_the_app_and_names_the_setting(string key, string setting)
    {
        var reference = "@Microsoft.KeyVault(VaultName=kv-hd-abc;SecretName=whatever)";

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() =>
            RunningApp.StartAsync(asFunctionsHost: true, environment: "Production", settings: new Dictionary<string, string?> { [key] = reference }));

        Assert.StartsWith(setting + " is an unresolved Key Vault reference", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretName", error.Message, StringComparison.Ordinal); // the value is never echoed
    }

    [Fact]
    public async Task Under_the_host_a_Development_environment_gets_no_development_survey_key()
    {
        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() =>
            RunningApp.StartAsync(asFunctionsHost: true, environment: "Development", settings: new Dictionary<string, string?> { ["Survey:SigningKey"] = "" }));

        Assert.Contains("Survey__SigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_run_in_Development_still_starts_without_a_survey_key()
    {
        await using var app = await RunningApp.StartAsync(environment: "Development");

        using var health = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Every_Key_Vault_reference_the_template_sets_is_a_setting_the_app_checks()
    {
        var bicep = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "infra", "app", "function-app.bicep"), TestContext.Current.CancellationToken);
        var referenced = System.Text.RegularExpressions.Regex.Matches(bicep, @"^\s*(\w+):\s*'@Microsoft\.KeyVault\(", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(referenced);
        Assert.Equal(referenced.Order(StringComparer.Ordinal), SettingFormats.Secrets.Order(StringComparer.Ordinal));
    }
}
