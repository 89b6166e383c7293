using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Configuration;

namespace Helpdesk.FunctionApp.Tests.Configuration;

/// <summary>local.settings.sample.json lists exactly the settings of the catalogue (plus the host's own two).</summary>
public class LocalSettingsSampleTests
{
    private static readonly string[] HostSettings = ["FUNCTIONS_WORKER_RUNTIME", "AzureWebJobsStorage"];

    private static Dictionary<string, string> SampleValues()
    {
        var path = Path.Combine(RepositoryRoot.Path, "local.settings.sample.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    [Fact]
    public void Every_catalogued_setting_has_a_safe_local_value_in_the_sample()
    {
        var values = SampleValues();
        foreach (var setting in SettingsCatalog.All)
        {
            Assert.True(values.ContainsKey(setting.Name), $"{setting.Name} is missing from local.settings.sample.json");
            if (setting.LocalValue is not null)
            {
                Assert.Equal(setting.LocalValue, values[setting.Name]);
            }
        }
    }

    [Fact]
    public void The_sample_has_no_setting_the_code_does_not_read()
    {
        var known = SettingsCatalog.All.Select(s => s.Name).Concat(HostSettings).ToHashSet(StringComparer.Ordinal);

        Assert.All(SampleValues().Keys, key => Assert.Contains(key, known));
    }
}
