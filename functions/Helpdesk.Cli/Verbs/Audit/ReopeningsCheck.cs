using System.Globalization;
using Helpdesk.Application.Audit;
using Helpdesk.Domain.Audit;

namespace Helpdesk.Cli.Verbs.Audit;

/// <summary><c>helpdesk audit reopenings</c>: repeated complaints of one requester (CPF/CNPJ, else e-mail) with
/// reopening words, not flagged as reopenings, as <c>/api/audit/reopenings</c> lists them.</summary>
public sealed class ReopeningsCheck : AuditCheck
{
    public override string Name => "reopenings";

    public override string Summary => "unflagged reopenings: a requester's repeated complaints with reopening words";

    public override string Usage =>
        "helpdesk audit reopenings --histories <histories.jsonl> [--window-days <1-366>] [--complaints-only] [--any-repetition] [--keywords <word,word>] [--catalogue <catalogue.json>] [--out <file.json>]";

    protected override string[] Options => ["window-days", "complaints-only", "any-repetition", "keywords"];

    protected override async Task<int> RunAsync(CliArguments args, string historiesPath, TextWriter stdout)
    {
        var days = AuditService.DefaultWindowDays;
        if (args.Optional("window-days") is { } text
            && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= AuditService.MaxWindowDays))
        {
            throw new CliArgumentException($"--window-days: '{text}' is not a number of days from 1 to {AuditService.MaxWindowDays}.");
        }

        var keywords = AuditKeywords.Default with { Reopening = Words(args, "keywords") ?? AuditKeywords.Default.Reopening };
        var complaintsOnly = Flag(args, "complaints-only");
        var requireKeyword = !Flag(args, "any-repetition");
        var report = await Service(args, historiesPath).ReopeningsReportAsync(All.From, All.To, days, keywords, complaintsOnly, requireKeyword, CancellationToken.None).ConfigureAwait(false);
        await WriteReportAsync(args, report, $"{report.Findings.Count} unflagged reopening(s)", stdout).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
