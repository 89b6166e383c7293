namespace Helpdesk.Infra.Tests.Support;

/// <summary>
/// The Bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64 (restored with this project), so that
/// `dotnet test` needs nothing else installed.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>
    /// Values for the environment variables the .bicepparam files read. Test values only: nothing is deployed.
    /// Secret variables are removed so that no real secret from the developer's shell ends up in a build output.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> ParameterEnvironment { get; } = new Dictionary<string, string?>
    {
        ["AZURE_LOCATION"] = "brazilsouth",
        ["HELPDESK_SUPPORT_MAILBOX"] = "suporte@example.gov.br",
        ["HELPDESK_GRAPH_CLIENT_ID"] = "11111111-1111-1111-1111-111111111111",
        ["HELPDESK_AGENTS_CLIENT_ID"] = "22222222-2222-2222-2222-222222222222",
        ["HELPDESK_VAULT_OPERATOR_ID"] = null,
        ["HELPDESK_FINANCE_READERS_GROUP_ID"] = null,
        ["HELPDESK_GRAPH_CLIENT_SECRET"] = null,
        ["HELPDESK_GRAPH_CLIENT_STATE"] = null,
        ["HELPDESK_SURVEY_SIGNING_KEY"] = null,
        ["HELPDESK_TEAMS_WEBHOOK_URL"] = null,
    };

    public static string Path => Executable.Value;

    public static Task<ProcessResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Path, arguments, RepositoryPaths.Infra, ParameterEnvironment, TimeSpan.FromMinutes(3), cancellationToken);

    private static string Locate()
    {
        var path = System.IO.Path.Combine(RepositoryPaths.BicepPackageRoot, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Bicep CLI is not where the NuGet package should have put it: {path}");
        }

        // NuGet extracts files without their Unix mode; make the binary executable once.
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
