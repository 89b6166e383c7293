using Helpdesk.Application.Finance;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Indicators;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary>
/// <c>GET /api/exports/tickets?month=yyyy-MM</c> (finance, supervisors, admins): the month's ticket-history export as
/// JSONL (docs/ticket-export.md), the very file <c>helpdesk assess --tickets</c> recomputes the month from; and
/// <c>GET /api/exports/history?month=yyyy-MM</c>: the earlier months' outcomes the closing used (<c>--history</c>); and
/// <c>GET /api/exports/heartbeats?month=yyyy-MM</c>: the availability probe's heartbeats (<c>--availability</c>); and
/// <c>GET /api/exports/daily-indicators?month=yyyy-MM</c>: the daily month-to-date figures the daily timer stored.
/// The export carries no personal data (no names, addresses or CPF/CNPJ).
/// </summary>
public static class ExportEndpoints
{
    public const string JsonLines = "application/x-ndjson";

    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization(AgentApi.StaffPolicy);
        group.MapGet("/tickets", TicketsAsync).WithName("ExportTickets").Produces(StatusCodes.Status200OK, contentType: JsonLines);
        group.MapGet("/history", HistoryAsync).WithName("ExportAssessmentHistory").Produces(StatusCodes.Status200OK, contentType: "application/json");
        group.MapGet("/heartbeats", HeartbeatsAsync).WithName("ExportHeartbeats").Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/daily-indicators", DailyIndicatorsAsync).WithName("ListDailyIndicators").Produces<IReadOnlyList<DailyIndicator>>();
    }

    internal static async Task<IResult> TicketsAsync(HttpContext context, string? month, TicketExport export, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!TryMonth(month, out var parsed, out var invalid))
        {
            return invalid;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = JsonLines + "; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"tickets-{parsed}.jsonl\"";
        await export.WriteMonthAsync(parsed, clock.GetUtcNow(), context.Response.Body, cancellationToken).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary>The earlier months' outcomes the closing of <c>month</c> used: the <c>--history</c> file of <c>helpdesk assess</c>.</summary>
    internal static async Task<IResult> HistoryAsync(HttpContext context, string? month, MonthlyClosing closing, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!TryMonth(month, out var parsed, out var invalid))
        {
            return invalid;
        }

        return Results.Text(await closing.HistoryJsonAsync(parsed, cancellationToken).ConfigureAwait(false), "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>The availability probe's heartbeats that decide the month's availability: the <c>--availability</c> file of <c>helpdesk assess</c>.</summary>
    internal static async Task<IResult> HeartbeatsAsync(HttpContext context, string? month, ClosingInputs inputs, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!TryMonth(month, out var parsed, out var invalid))
        {
            return invalid;
        }

        context.Response.Headers.ContentDisposition = $"attachment; filename=\"heartbeats-{parsed}.csv\"";
        return Results.Text(await inputs.HeartbeatsFileAsync(parsed, cancellationToken).ConfigureAwait(false), "text/csv", new System.Text.UTF8Encoding(false));
    }

    internal static async Task<IResult> DailyIndicatorsAsync(HttpContext context, string? month, IDailyIndicatorStore store, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!TryMonth(month, out var parsed, out var invalid))
        {
            return invalid;
        }

        return Results.Ok(await store.ListAsync(parsed.FirstDay, parsed.LastDay, cancellationToken).ConfigureAwait(false));
    }

    private static bool TryMonth(string? text, out AssessmentMonth month, out IResult invalid)
    {
        invalid = Results.Empty;
        if (AssessmentMonth.TryParse(text, out month))
        {
            return true;
        }

        invalid = MonthProblem();
        return false;
    }

    /// <summary>400 naming the field <c>month</c>, which must be written yyyy-MM.</summary>
    internal static IResult MonthProblem() => Problems.Validation(new Dictionary<string, string[]>
    {
        ["month"] = ["Informe o mês no formato aaaa-MM (por exemplo, 2026-03)."],
    });

    internal static IResult? Refuse(HttpContext context, string message = "Somente o financeiro, supervisores e administradores exportam o histórico de chamados.")
    {
        var agent = Agents.Current(context.User);
        return agent is not null && (agent.IsSupervisorOrAdmin || agent.IsInRole(Roles.Finance))
            ? null
            : Problems.Forbidden(message);
    }
}
