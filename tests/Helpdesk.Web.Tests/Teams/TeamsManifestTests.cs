using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.Web.Tests.Teams;

/// <summary>teams/manifest.json points its tabs at pages the app serves, and its icons have the sizes Teams requires.</summary>
public sealed class TeamsManifestTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string Folder => Path.Combine(RepositoryRoot.Path, "teams");

    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("PNG", System.Text.Encoding.ASCII.GetString(bytes, 1, 3));
        return (bytes[16] << 24 | bytes[17] << 16 | bytes[18] << 8 | bytes[19], bytes[20] << 24 | bytes[21] << 16 | bytes[22] << 8 | bytes[23]);
    }

    [Fact]
    public async Task Every_static_tab_opens_a_page_of_the_front_end_and_the_icons_fit_the_rules()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        var root = manifest.RootElement;

        Assert.Equal((192, 192), PngSize(Path.Combine(Folder, root.GetProperty("icons").GetProperty("color").GetString()!)));
        Assert.Equal((32, 32), PngSize(Path.Combine(Folder, root.GetProperty("icons").GetProperty("outline").GetString()!)));
        Assert.Equal("${{HELPDESK_HOST}}", root.GetProperty("validDomains")[0].GetString());

        var supervisor = _app.Staff("supervisor", "sofia.sup");
        foreach (var tab in root.GetProperty("staticTabs").EnumerateArray())
        {
            var url = tab.GetProperty("contentUrl").GetString()!;
            Assert.StartsWith("${{HELPDESK_URL}}/api/app", url, StringComparison.Ordinal);
            var path = url["${{HELPDESK_URL}}".Length..];
            using var response = await supervisor.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode || (int)response.StatusCode == 302, $"{path} answered {(int)response.StatusCode}");
        }
    }
}
