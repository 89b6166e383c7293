using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Sla;

namespace Helpdesk.Cli.Verbs;

/// <summary>
/// <c>helpdesk deadline --from &lt;instant&gt; --target "&lt;N&gt; business days|business hours|hours" [--contract &lt;file&gt;] [--pause &lt;from&gt;/&lt;to&gt;]...</c>:
/// prints the due instant in the contract's zone (São Paulo by default), ISO 8601, on one line.
/// </summary>
public sealed class DeadlineVerb : IVerb
{
    public string Name => "deadline";

    public string Summary => "print the due instant of a target counted from an instant (contract calendar, pauses)";

    public string Usage =>
        "helpdesk deadline --from <ISO 8601 instant with offset> --target \"<N> business days|<N> business hours|<N> hours\" " +
        "[--contract <file>] [--pause <from>/<to>]...";

    public async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.OnlyAllow("from", "target", "contract", "pause");
        var from = ClockArguments.Instant(args.Required("from"), "from");
        var targetText = args.Required("target");
        if (!BusinessDuration.TryParse(targetText, out var target, out var error))
        {
            throw new CliArgumentException($"--target: {error}");
        }

        var pauses = ClockArguments.Pauses(args);
        var contract = await ClockArguments.ContractAsync(args).ConfigureAwait(false);
        var calendar = ClockArguments.Calendar(contract, [from, .. pauses.Select(p => p.From)]);
        var due = ClockArguments.WithinRange(
            () => SuspendedCounting.Deadline(calendar, contract.ClockSettings, from, target, pauses), "from");

        // Only closed pauses are accepted, so a deadline always exists.
        await stdout.WriteLineAsync(ClockArguments.Format(due!.Value)).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
