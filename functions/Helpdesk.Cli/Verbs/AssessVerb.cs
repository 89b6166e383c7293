using System.Globalization;
using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Cli.Verbs;

/// <summary>
/// <c>helpdesk assess</c>: recomputes a month's assessment offline from a ticket-history export, an optional
/// call-centre CSV, an optional heartbeat log of the availability probe and a contract (the built-in ministry annex by default), and writes the assessment JSON.
/// </summary>
public sealed class AssessVerb : IVerb
{
    public string Name => "assess";

    public string Summary => "recompute a month's indicators and penalties (glosas) from exported records";

    public string Usage =>
        "helpdesk assess --month YYYY-MM --tickets <file.jsonl> [--calls <file.csv>] [--availability <heartbeats.csv>] [--contract <file.json>] [--invoice <value>] [--history <outcomes.json>] [--justifications <file.json>] [--no-evidence] --out <file.json>";

    public async Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        args.OnlyAllow("month", "tickets", "calls", "availability", "contract", "invoice", "history", "justifications", "out", "no-evidence");
        if (!AssessmentMonth.TryParse(args.Required("month"), out var month))
        {
            throw new CliArgumentException("--month must be written YYYY-MM (e.g. 2026-03).");
        }

        var ticketsPath = args.Required("tickets");
        var outPath = args.Required("out");
        Money? invoice = null;
        if (args.Optional("invoice") is { } invoiceText)
        {
            invoice = decimal.TryParse(invoiceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                ? Money.Brl(value)
                : throw new CliArgumentException("--invoice must be a non-negative amount in BRL with a decimal point (e.g. 1250000.00).");
        }

        var contract = DefaultAssessmentContract.Contract;
        var definition = DefaultContract.Definition;
        if (args.Optional("contract") is { } contractPath)
        {
            var text = await File.ReadAllTextAsync(contractPath).ConfigureAwait(false);
            // A whole contract document gives the calendar (business days, zone) and the assessment sections; the
            // assessment sections alone are read onto the built-in calendar. One loader, one kind of error either way.
            var loaded = text.Contains("\"schemaVersion\"", StringComparison.Ordinal)
                ? ContractDefinitionLoader.Load(text)
                : ContractDefinitionLoader.LoadAssessmentSections(text, DefaultContract.Definition);
            IReadOnlyList<string> errors = loaded.IsSuccess && loaded.Definition.Assessment is null
                ? ["indicators: the contract document has no assessment sections"]
                : loaded.Errors.Select(e => e.ToString()).ToList();
            if (errors.Count == 0)
            {
                definition = loaded.Definition!;
                contract = loaded.Definition!.Assessment!;
            }

            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    await stderr.WriteLineAsync($"helpdesk assess: {contractPath}: {error}").ConfigureAwait(false);
                }

                return ExitCodes.Failure;
            }
        }

        try
        {
            var history = args.Optional("history") is { } historyPath
                ? HistoryJsonReader.Read(await File.ReadAllTextAsync(historyPath).ConfigureAwait(false), historyPath)
                : [];
            SettlementInput? settlement = null;
            if (args.Optional("justifications") is { } justificationsPath)
            {
                var (settledMonth, input) = SettlementJson.Read(await File.ReadAllTextAsync(justificationsPath).ConfigureAwait(false), justificationsPath);
                settlement = settledMonth == month
                    ? input
                    : throw new InputFormatException($"{justificationsPath}: month: {settledMonth} is not the month assessed ({month})");
            }

            AvailabilityInput? availability = null;
            if (args.Optional("availability") is { } availabilityPath)
            {
                using var heartbeats = new StreamReader(availabilityPath);
                availability = new AvailabilityInput(HeartbeatFile.Read(heartbeats, availabilityPath), definition.Clock.Month(month).End);
            }

            // The reader does its own large-block buffering: no FileStream buffer in between.
            using var tickets = new FileStream(ticketsPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
            using var calls = args.Optional("calls") is { } callsPath ? new StreamReader(callsPath) : null;
            var assessment = AssessmentRun.Assess(
                contract,
                definition,
                month,
                Utf8TicketJsonlReader.Read(tickets, ticketsPath),
                calls is null ? null : CallCentreCsvReader.Read(calls, args.Optional("calls")!),
                invoice,
                history,
                availability,
                settlement);
            await using (var output = File.Create(outPath))
            {
                AssessmentJsonWriter.Write(output, assessment, evidence: !args.Has("no-evidence"));
            }

            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{month}: {assessment.Indicators.Count(r => r.Met == false)} indicator(s) missed, penalty {assessment.PenaltyPercent:0.##} % = {assessment.PenaltyAmount}, total with aggravations {assessment.TotalAmount} → {outPath}")).ConfigureAwait(false);
            if (assessment.Settlement is { } settled)
            {
                await stdout.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{month}: settled{(settled.Final ? "" : " (windows still open)")}: {settled.OnThisInvoice} on this invoice, {settled.Deferred} deferred, {settled.Waived} waived, {settled.CarriedInAmount} carried in")).ConfigureAwait(false);
            }

            foreach (var warning in assessment.Warnings)
            {
                await stderr.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        }
        catch (InputFormatException ex)
        {
            await stderr.WriteLineAsync($"helpdesk assess: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (FileNotFoundException ex)
        {
            await stderr.WriteLineAsync($"helpdesk assess: file not found: {ex.FileName}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
