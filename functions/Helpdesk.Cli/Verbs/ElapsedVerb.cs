using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Sla;

namespace Helpdesk.Cli.Verbs;

/// <summary>
/// <c>helpdesk elapsed --from &lt;instant&gt; --to &lt;instant&gt; --unit business-days|business-hours|hours [--contract &lt;file&gt;] [--pause &lt;from&gt;/&lt;to&gt;]...</c>:
/// prints the amount elapsed, e.g. <c>3 business days</c> or <c>12.5 business hours</c>.
/// </summary>
public sealed class ElapsedVerb : IVerb
{
    public string Name => "elapsed";

    public string Summary => "print the business days, business hours or hours elapsed between two instants";

    public string Usage =>
        "helpdesk elapsed --from <ISO 8601 instant with offset> --to <ISO 8601 instant with offset> " +
        "--unit business-days|business-hours|hours [--contract <file>] [--pause <from>/<to>]...";

    public async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        args.OnlyAllow("from", "to", "unit", "contract", "pause");
        var from = ClockArguments.Instant(args.Required("from"), "from");
        var to = ClockArguments.Instant(args.Required("to"), "to");
        if (to < from)
        {
            throw new CliArgumentException($"--to: {ClockArguments.Format(to)} is before --from {ClockArguments.Format(from)}.");
        }

        var unitText = args.Required("unit");
        var unit = unitText switch
        {
            "business-days" => DurationUnit.BusinessDays,
            "business-hours" => DurationUnit.BusinessHours,
            "hours" => DurationUnit.Hours,
            _ => throw new CliArgumentException($"--unit: '{unitText}' is not a unit; use business-days, business-hours or hours."),
        };

        var pauses = ClockArguments.Pauses(args);
        var contract = await ClockArguments.ContractAsync(args).ConfigureAwait(false);
        var calendar = ClockArguments.Calendar(contract, from, to);
        var elapsed = ClockArguments.WithinRange(
            () => SuspendedCounting.Elapsed(calendar, contract.ClockSettings, from, to, unit, pauses), "from");

        await stdout.WriteLineAsync(elapsed.ToString()).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
