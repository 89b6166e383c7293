using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.Web.Tests.Teams;

/// <summary>teams/manifest.json points its tabs at pages the app serves, its icons have the sizes Teams requires, the
/// package teams/package.sh builds validates against the Teams manifest schema (issue 22: with single sign-on's
/// <c>webApplicationInfo</c>), and the Teams JavaScript library the app serves is the npm package's bundle unchanged.</summary>
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

    private const string ClientId = "3f2e1d0c-9b8a-4765-a432-10fedcba9876";
    private const string AppId = "6a9b8c7d-1234-4abc-8def-0123456789ab";

    private static string Emulators => Path.Combine(RepositoryRoot.Path, "tests", "emulators");

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The manifest as teams/package.sh packages it for a deployment, written to a file of its own.</summary>
    private static async Task<string> PackagedManifestAsync(string folder)
    {
        var zip = Path.Combine(folder, "helpdesk-teams.zip");
        var (code, output) = await RunAsync("bash", Path.Combine(Folder, "package.sh"), "https://func-helpdesk-dev.azurewebsites.net", ClientId, AppId, zip);
        Assert.True(code == 0, output);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = Path.Combine(folder, "manifest.json");
        archive.GetEntry("manifest.json")!.ExtractToFile(manifest);
        return manifest;
    }

    [Fact]
    public async Task The_packaged_manifest_declares_single_sign_on_and_validates_against_the_teams_schema()
    {
        var folder = Directory.CreateTempSubdirectory("helpdesk-teams-").FullName;
        var manifest = await PackagedManifestAsync(folder);

        using (var document = JsonDocument.Parse(await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken)))
        {
            var sso = document.RootElement.GetProperty("webApplicationInfo");
            Assert.Equal(ClientId, sso.GetProperty("id").GetString());
            Assert.Equal($"api://func-helpdesk-dev.azurewebsites.net/{ClientId}", sso.GetProperty("resource").GetString());
            Assert.Equal(AppId, document.RootElement.GetProperty("id").GetString());
            Assert.All(document.RootElement.GetProperty("staticTabs").EnumerateArray(), tab =>
                Assert.StartsWith("https://func-helpdesk-dev.azurewebsites.net/api/app/teams", tab.GetProperty("contentUrl").GetString(), StringComparison.Ordinal));
        }

        var (code, output) = await RunAsync("node", Path.Combine(Emulators, "validate-teams-manifest.js"), manifest);
        Assert.True(code == 0, output);
        Assert.Contains("valid against", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_check_refuses_a_manifest_without_the_sign_on_client_id()
    {
        var folder = Directory.CreateTempSubdirectory("helpdesk-teams-").FullName;
        var manifest = await PackagedManifestAsync(folder);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(manifest, TestContext.Current.CancellationToken))!;
        json["webApplicationInfo"]!.AsObject().Remove("id");
        await File.WriteAllTextAsync(manifest, json.ToJsonString(), TestContext.Current.CancellationToken);

        var (code, output) = await RunAsync("node", Path.Combine(Emulators, "validate-teams-manifest.js"), manifest);

        Assert.Equal(1, code);
        Assert.Contains("/webApplicationInfo must have required property 'id'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_packaging_script_refuses_a_client_id_that_is_not_a_guid()
    {
        var (code, output) = await RunAsync("bash", Path.Combine(Folder, "package.sh"), "https://func-helpdesk-dev.azurewebsites.net", "helpdesk-app");

        Assert.Equal(2, code);
        Assert.Contains("client-id must be the app registration's application (client) id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_teams_library_the_app_serves_is_the_npm_bundle_unchanged_and_from_the_app_itself()
    {
        var npm = await File.ReadAllBytesAsync(Path.Combine(Emulators, "node_modules", "@microsoft", "teams-js", "dist", "umd", "MicrosoftTeams.min.js"), TestContext.Current.CancellationToken);
        var src = Helpdesk.FunctionApp.Web.WebAssets.Url("teams-js.min.js");

        Assert.StartsWith("/api/app/assets/", src, StringComparison.Ordinal); // the app's own origin, no CDN
        Assert.Equal(npm, await _app.Client.GetByteArrayAsync(new Uri(src, UriKind.Relative), TestContext.Current.CancellationToken));
    }
}
