using System.Globalization;
using Helpdesk.Application.Audit;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Cli.Verbs.Audit;

/// <summary><c>helpdesk audit protocols</c>: every number of the ledger's year (or of <c>--from</c>..<c>--to</c>) is a
/// ticket of the export or a documented void of the ledger; the gaps are listed, as <c>/api/audit/protocols</c> does.
/// Exit 3 when there is a gap.</summary>
public sealed class ProtocolsCheck : AuditCheck
{
    public override string Name => "protocols";

    public override string Summary => "protocol continuity: every number a ticket or a documented void (exit 3 on a gap)";

    public override string Usage => "helpdesk audit protocols --histories <histories.jsonl> --ledger <ledger.json> [--from <counter>] [--to <counter>] [--out <file.json>]";

    protected override string[] Options => ["ledger", "from", "to"];

    protected override async Task<int> RunAsync(CliArguments args, string historiesPath, TextWriter stdout)
    {
        var from = Counter(args, "from");
        var to = Counter(args, "to");
        if (from is not null && to < from)
        {
            throw new CliArgumentException($"--to: {to} is below --from {from}.");
        }

        var ledgerPath = args.Required("ledger");
        var ledger = ProtocolLedgerExport.Parse(await File.ReadAllTextAsync(ledgerPath).ConfigureAwait(false), ledgerPath);
        var report = await Service(args, historiesPath, ledger).ContinuityAsync(ledger.Year, from, to, CancellationToken.None).ConfigureAwait(false);
        await WriteReportAsync(args, report, $"{report.Year}: {report.Tickets} ticket(s), {report.Voids} void(s), {report.Gaps.Count} gap(s)", stdout).ConfigureAwait(false);
        return report.IsContinuous ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static int? Counter(CliArguments args, string name) =>
        args.Optional(name) is not { } text
            ? null
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= ProtocolNumber.MaxCounter
                ? value
                : throw new CliArgumentException($"--{name}: '{text}' is not a counter; counters run from 1 to {ProtocolNumber.MaxCounter}.");
}
