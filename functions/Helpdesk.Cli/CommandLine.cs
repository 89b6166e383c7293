using Helpdesk.Cli.Verbs;
using Helpdesk.Cli.Verbs.Audit;

namespace Helpdesk.Cli;

/// <summary>Dispatches <c>helpdesk &lt;verb&gt; [options]</c> to one verb. Each verb lives in <c>Verbs/</c>.</summary>
public static class CommandLine
{
    /// <summary>Every verb of the tool. Add a verb by adding its class here.</summary>
    public static IReadOnlyList<IVerb> Verbs { get; } =
    [
        new FunctionsVerb(),
        new DeadlineVerb(),
        new ElapsedVerb(),
        new AssessVerb(),
        AuditVerbs.Group,
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteUsage(args.Length == 0 ? stderr : stdout);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var verb = Verbs.FirstOrDefault(v => string.Equals(v.Name, args[0], StringComparison.Ordinal));
        if (verb is null)
        {
            await stderr.WriteLineAsync($"helpdesk: unknown verb '{args[0]}'. Run 'helpdesk --help' for the list.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var (rest, label) = (1, verb.Name);
        if (verb is VerbGroup group)
        {
            if (args.Length < 2 || args[1] is "-h" or "--help" or "help")
            {
                await (args.Length < 2 ? stderr : stdout).WriteLineAsync(group.Usage).ConfigureAwait(false);
                return args.Length < 2 ? ExitCodes.Usage : ExitCodes.Ok;
            }

            if (group.Find(args[1]) is not { } inner)
            {
                await stderr.WriteLineAsync($"helpdesk {group.Name}: '{args[1]}' is not one of {string.Join(", ", group.Verbs.Select(v => v.Name))}.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            (verb, rest, label) = (inner, 2, group.Name + " " + inner.Name);
        }

        try
        {
            var options = CliArguments.Parse(args.AsSpan(rest));
            if (options.Has("help"))
            {
                await stdout.WriteLineAsync(verb.Usage).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            return await verb.RunAsync(options, stdout, stderr).ConfigureAwait(false);
        }
        catch (CliArgumentException ex)
        {
            await stderr.WriteLineAsync($"helpdesk {label}: {ex.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync($"usage: {verb.Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("usage: helpdesk <verb> [options]   (helpdesk <verb> --help for a verb's options)");
        writer.WriteLine();
        foreach (var verb in Verbs)
        {
            writer.WriteLine($"  {verb.Name,-12} {verb.Summary}");
        }
    }
}
