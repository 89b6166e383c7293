using Helpdesk.Application.Audit;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Cli.Verbs.Audit;

/// <summary><c>helpdesk audit records</c>: the interaction records of the export, as <c>/api/audit/records</c>
/// gives them (CSV by default, or JSONL), rebuilt from the raw events.</summary>
public sealed class RecordsCheck : AuditCheck
{
    public override string Name => "records";

    public override string Summary => "the regulator's interaction records (CSV or JSONL) rebuilt from the raw histories";

    public override string Usage => "helpdesk audit records --histories <histories.jsonl> [--format csv|jsonl] [--catalogue <catalogue.json>] --out <file>";

    protected override string[] Options => ["format"];

    protected override async Task<int> RunAsync(CliArguments args, string historiesPath, TextWriter stdout)
    {
        var format = args.Optional("format") ?? "csv";
        if (format is not ("csv" or "jsonl"))
        {
            throw new CliArgumentException($"--format: '{format}' is not a format; use csv or jsonl.");
        }

        var outPath = args.Required("out");
        var audit = Service(args, historiesPath);
        var count = 0;
        try
        {
            await using var output = File.Create(outPath);
            await AuditExportWriter.WriteAsync(output, Counted(audit.RecordsAsync(All.From, All.To, CancellationToken.None)), format == "csv", Viewer, DefaultContract.Definition.Clock, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            // Never leave half an export behind that looks like a whole one.
            File.Delete(outPath);
            throw;
        }

        await stdout.WriteLineAsync($"{count} record(s) → {outPath}").ConfigureAwait(false);
        return ExitCodes.Ok;

        async IAsyncEnumerable<Domain.Audit.AuditRecord> Counted(IAsyncEnumerable<Domain.Audit.AuditRecord> records)
        {
            await foreach (var r in records.ConfigureAwait(false))
            {
                count++;
                yield return r;
            }
        }
    }
}
