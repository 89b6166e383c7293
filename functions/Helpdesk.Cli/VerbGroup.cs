namespace Helpdesk.Cli;

/// <summary>A verb whose first argument names one of its own verbs: <c>helpdesk audit chains --histories f.jsonl</c>.
/// <see cref="CommandLine"/> resolves the inner verb before parsing options; run alone, the group prints its list.</summary>
public sealed class VerbGroup(string name, string summary, IReadOnlyList<IVerb> verbs) : IVerb
{
    public string Name => name;

    public string Summary => summary;

    public IReadOnlyList<IVerb> Verbs => verbs;

    public string Usage =>
        $"helpdesk {name} <{string.Join('|', verbs.Select(v => v.Name))}> [options]   (helpdesk {name} <check> --help for its options)" +
        string.Concat(verbs.Select(v => $"{Environment.NewLine}  {v.Name,-14} {v.Summary}"));

    public IVerb? Find(string verbName) => verbs.FirstOrDefault(v => string.Equals(v.Name, verbName, StringComparison.Ordinal));

    public async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        await stderr.WriteLineAsync(Usage).ConfigureAwait(false);
        return ExitCodes.Usage;
    }
}
