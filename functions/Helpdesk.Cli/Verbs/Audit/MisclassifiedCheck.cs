using Helpdesk.Domain.Audit;

namespace Helpdesk.Cli.Verbs.Audit;

/// <summary><c>helpdesk audit misclassified</c>: records outside the complaint categories whose text has complaint
/// words, as <c>/api/audit/misclassified</c> lists them.</summary>
public sealed class MisclassifiedCheck : AuditCheck
{
    public override string Name => "misclassified";

    public override string Summary => "complaints filed under another category, found by keywords";

    public override string Usage =>
        "helpdesk audit misclassified --histories <histories.jsonl> [--keywords <word,word>] [--complaint-categories <category,category>] [--catalogue <catalogue.json>] [--out <file.json>]";

    protected override string[] Options => ["keywords", "complaint-categories"];

    protected override async Task<int> RunAsync(CliArguments args, string historiesPath, TextWriter stdout)
    {
        var lists = AuditKeywords.Default with
        {
            Complaint = Words(args, "keywords") ?? AuditKeywords.Default.Complaint,
            ComplaintCategories = Words(args, "complaint-categories") ?? AuditKeywords.Default.ComplaintCategories,
        };
        var report = await Service(args, historiesPath).MisclassifiedReportAsync(All.From, All.To, lists, CancellationToken.None).ConfigureAwait(false);
        await WriteReportAsync(args, report, $"{report.Findings.Count} candidate misclassification(s)", stdout).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
