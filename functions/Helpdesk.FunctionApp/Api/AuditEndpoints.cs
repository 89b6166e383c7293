using System.Globalization;
using Helpdesk.Application.Audit;
using Helpdesk.Application.Identity;
using Helpdesk.Domain.Audit;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary>
/// <c>/api/audit/...</c> (supervisor, auditor): what the regulator's inspector does with the raw records (seed 002).
/// Ranges are São Paulo calendar days, <c>from</c> and <c>to</c> both inclusive (<c>yyyy-MM-dd</c>), at most a year.
/// </summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(AgentApi.StaffPolicy);
        group.MapGet("/records", RecordsAsync).WithName("ExportAuditRecords");
        group.MapGet("/protocols", ProtocolsAsync).WithName("ProtocolContinuity");
        group.MapGet("/reopenings", ReopeningsAsync).WithName("UnflaggedReopenings");
        group.MapGet("/misclassified", MisclassifiedAsync).WithName("MisclassifiedComplaints");
        group.MapGet("/chains", ChainsAsync).WithName("VerifyHashChains");
        group.MapGet("/histories", HistoriesAsync).WithName("ExportRawHistories");
        group.MapGet("/ledger", LedgerAsync).WithName("ExportProtocolLedger");
    }

    internal static IResult RecordsAsync(HttpContext context, AuditService audit, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        if (Auditor(context) is not { } viewer)
        {
            return Denied();
        }

        var errors = new Dictionary<string, string[]>();
        var range = Range(from, to, errors, Web.Display.ClockOf(context));
        var csv = format is null || string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && !string.Equals(format, "jsonl", StringComparison.OrdinalIgnoreCase))
        {
            errors["format"] = ["Use 'csv' ou 'jsonl'."];
        }

        if (errors.Count > 0 || range is not var (start, end))
        {
            return Problems.Validation(errors);
        }

        var name = $"registros-{from}-a-{to}.{(csv ? "csv" : "jsonl")}";
        return Results.Stream(
            body => AuditExportWriter.WriteAsync(body, audit.RecordsAsync(start, end, cancellationToken), csv, viewer, Web.Display.ClockOf(context), cancellationToken),
            csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
            name);
    }

    internal static async Task<IResult> ProtocolsAsync(HttpContext context, AuditService audit, int? year, int? from, int? to, CancellationToken cancellationToken)
    {
        if (Auditor(context) is null)
        {
            return Denied();
        }

        var errors = new Dictionary<string, string[]>();
        if (Year(year) is { } yearError)
        {
            errors["year"] = [yearError];
        }

        if (from is < 1 or > Domain.Tickets.ProtocolNumber.MaxCounter)
        {
            errors["from"] = [$"O número inicial vai de 1 a {Domain.Tickets.ProtocolNumber.MaxCounter}."];
        }

        if (to is < 1 or > Domain.Tickets.ProtocolNumber.MaxCounter || (to is not null && from is not null && to < from))
        {
            errors["to"] = ["O número final deve ser maior ou igual ao inicial e no máximo 9999999."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return Results.Ok(await audit.ContinuityAsync(year!.Value, from, to, cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<IResult> ReopeningsAsync(HttpContext context, AuditService audit, string? from, string? to, int? windowDays, bool? complaintsOnly, bool? requireKeyword, string? keywords, CancellationToken cancellationToken)
    {
        if (Auditor(context) is null)
        {
            return Denied();
        }

        var errors = new Dictionary<string, string[]>();
        var range = Range(from, to, errors, Web.Display.ClockOf(context));
        if (windowDays is < 1 or > AuditService.MaxWindowDays)
        {
            errors["windowDays"] = [$"A janela vai de 1 a {AuditService.MaxWindowDays} dias."];
        }

        var list = Words(keywords, "keywords", errors) ?? AuditKeywords.Default.Reopening;
        if (errors.Count > 0 || range is not var (start, end))
        {
            return Problems.Validation(errors);
        }

        var words = AuditKeywords.Default with { Reopening = list };
        return Results.Ok(await audit.ReopeningsReportAsync(start, end, windowDays ?? AuditService.DefaultWindowDays, words, complaintsOnly ?? false, requireKeyword ?? true, cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<IResult> MisclassifiedAsync(HttpContext context, AuditService audit, string? from, string? to, string? keywords, string? complaintCategories, CancellationToken cancellationToken)
    {
        if (Auditor(context) is null)
        {
            return Denied();
        }

        var errors = new Dictionary<string, string[]>();
        var range = Range(from, to, errors, Web.Display.ClockOf(context));
        var words = Words(keywords, "keywords", errors) ?? AuditKeywords.Default.Complaint;
        var categories = Words(complaintCategories, "complaintCategories", errors) ?? AuditKeywords.Default.ComplaintCategories;
        if (errors.Count > 0 || range is not var (start, end))
        {
            return Problems.Validation(errors);
        }

        var lists = AuditKeywords.Default with { Complaint = words, ComplaintCategories = categories };
        return Results.Ok(await audit.MisclassifiedReportAsync(start, end, lists, cancellationToken).ConfigureAwait(false));
    }

    internal static async Task<IResult> ChainsAsync(HttpContext context, AuditService audit, string? from, string? to, CancellationToken cancellationToken) =>
        Refusal(context, from, to, out var start, out var end)
            ?? Results.Ok(await audit.ChainsReportAsync(start, end, cancellationToken).ConfigureAwait(false));

    /// <summary>Every ticket of the range as stored: one JSON object per line with its events and recorded head hash
    /// (docs/audit.md), so that <c>helpdesk audit</c> recomputes every check offline with the same verifier. The events
    /// carry the requesters' personal data in full, like the records export.</summary>
    internal static IResult HistoriesAsync(HttpContext context, AuditService audit, string? from, string? to, CancellationToken cancellationToken) =>
        Refusal(context, from, to, out var start, out var end)
            ?? Results.Stream(
                body => AuditHistoryJsonl.WriteAsync(body, audit.HistoriesAsync(start, end, cancellationToken), cancellationToken),
                "application/x-ndjson; charset=utf-8",
                $"historicos-{from}-a-{to}.jsonl");

    internal static async Task<IResult> LedgerAsync(HttpContext context, AuditService audit, int? year, CancellationToken cancellationToken)
    {
        if (Auditor(context) is null)
        {
            return Denied();
        }

        if (Year(year) is { } error)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["year"] = [error] });
        }

        return Results.Ok(await audit.LedgerAsync(year!.Value, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>For the endpoints that take only a range: 403 for other roles, 400 naming a bad <c>from</c>/<c>to</c>,
    /// else null and the range.</summary>
    private static IResult? Refusal(HttpContext context, string? from, string? to, out DateTimeOffset start, out DateTimeOffset end)
    {
        (start, end) = (default, default);
        if (Auditor(context) is null)
        {
            return Denied();
        }

        var errors = new Dictionary<string, string[]>();
        if (Range(from, to, errors, Web.Display.ClockOf(context)) is not { } range || errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        (start, end) = range;
        return null;
    }

    private static string? Year(int? year) => year is >= 2000 and <= 9999 ? null : "Informe o ano com quatro dígitos (ex.: 2026).";

    private static AgentIdentity? Auditor(HttpContext context) => Agents.Current(context.User) is { CanAudit: true } a ? a : null;

    private static IResult Denied() => Problems.Forbidden("Somente supervisores e auditores acessam as exportações e relatórios de auditoria.");

    private static IReadOnlyList<string>? Words(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        var words = AuditKeywords.ParseList(text);
        if (words is null)
        {
            errors[field] = [$"Informe de 1 a {AuditKeywords.MaxListWords} palavras separadas por vírgula, cada uma com até {AuditKeywords.MaxWordLength} caracteres."];
        }

        return words;
    }

    /// <summary>São Paulo days [from, to] → UTC instants [start, end).</summary>
    private static (DateTimeOffset Start, DateTimeOffset End)? Range(string? from, string? to, Dictionary<string, string[]> errors, Domain.Contracts.ContractClock clock)
    {
        var start = Day(from, "from", errors);
        var end = Day(to, "to", errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (end < start)
        {
            errors["to"] = ["A data final deve ser igual ou posterior à inicial."];
            return null;
        }

        var (s, e) = (clock.StartOfDay(start.Value), clock.StartOfDay(end.Value.AddDays(1)));
        if (e - s > AuditService.MaxRange)
        {
            errors["to"] = ["O período vai até um ano (366 dias)."];
            return null;
        }

        return (s, e);
    }

    private static DateOnly? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [text is null ? "Informe a data (aaaa-mm-dd)." : "Data inválida: use aaaa-mm-dd (ex.: 2026-03-01)."];
        return null;
    }

}
