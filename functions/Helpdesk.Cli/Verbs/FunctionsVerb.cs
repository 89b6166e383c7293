using Helpdesk.Hosting.Metadata;

namespace Helpdesk.Cli.Verbs;

/// <summary><c>helpdesk functions --out DIR</c>: writes the function.json folders of the deployment package from the
/// one declaration in <see cref="FunctionCatalog"/>.</summary>
public sealed class FunctionsVerb : IVerb
{
    public string Name => "functions";

    public string Summary => "write one folder per function with its function.json (deployment package)";

    public string Usage => "helpdesk functions --out <dir>";

    public async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.OnlyAllow("out");
        var outDir = Path.GetFullPath(args.Required("out"));
        Directory.CreateDirectory(outDir);
        foreach (var function in FunctionCatalog.All)
        {
            var folder = Path.Combine(outDir, function.Name);
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "function.json"), function.ToFunctionJson()).ConfigureAwait(false);
            await stdout.WriteLineAsync($"{function.Name}/function.json").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
