using Helpdesk.Cli;

namespace Helpdesk.Cli.Tests.Verbs;

/// <summary>Runs the tool in-process with captured output.</summary>
internal static class CliRun
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
