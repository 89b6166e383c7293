namespace Helpdesk.Cli.Verbs;

/// <summary><c>helpdesk functions --out DIR</c>: writes the function.json folders of the deployment package.</summary>
public sealed class FunctionsVerb : IVerb
{
    public string Name => "functions";

    public string Summary => "write one folder per function with its function.json (deployment package)";

    public string Usage => "helpdesk functions --out <dir>";

    public Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        args.OnlyAllow("out");
        var outDir = args.Required("out");
        _ = outDir;
        throw new NotImplementedException("the function catalogue lands with the walking skeleton");
    }
}
