namespace Helpdesk.Cli.Verbs.Audit;

/// <summary><c>helpdesk audit chains</c>: recomputes every ticket's hash chain from its exported events with the
/// server's verifier and checks the recorded head; the failures are listed with the event number, as
/// <c>/api/audit/chains</c> does. Exit 3 when a chain fails.</summary>
public sealed class ChainsCheck : AuditCheck
{
    public override string Name => "chains";

    public override string Summary => "verify every ticket's hash chain and head (exit 3 when one fails)";

    public override string Usage => "helpdesk audit chains --histories <histories.jsonl> [--out <file.json>]";

    protected override string[] Options => [];

    protected override async Task<int> RunAsync(CliArguments args, string historiesPath, TextWriter stdout)
    {
        var report = await Service(args, historiesPath).ChainsReportAsync(All.From, All.To, CancellationToken.None).ConfigureAwait(false);
        await WriteReportAsync(args, report, $"{report.Checked} chain(s) checked, {report.Failed} failed", stdout).ConfigureAwait(false);
        return report.Failed == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
