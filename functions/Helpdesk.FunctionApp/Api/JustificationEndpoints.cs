using Helpdesk.Application.Finance;
using Helpdesk.Application.Finance.Formats;
using Helpdesk.Application.Identity;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary>A supplier's justification of a missed indicator, as finance records it.</summary>
public sealed record JustificationRequest(string? Month, string? Indicator, string? Text);

/// <summary>The contract manager's decision on a justification.</summary>
public sealed record DecisionRequest(string? Month, string? Indicator, JustificationDecision? Decision);

/// <summary>
/// <c>/api/justifications</c>: the justification workflow of a closed month (seed 003, 3.8). <c>GET ?month=yyyy-MM</c>
/// (finance, supervisors, admins) lists each missed indicator with its disposition and deadlines; <c>POST</c> (finance,
/// admins) records the supplier's justification; <c>POST /decisions</c> (supervisors, admins: the contract manager)
/// accepts or rejects it; <c>GET /settlement-input?month=yyyy-MM</c> serves the <c>--justifications</c> file of
/// <c>helpdesk assess</c>. A submission or a decision settles the month again at once (ADR-015). Repeating a submission or
/// the same decision changes nothing.
/// </summary>
public static class JustificationEndpoints
{
    public static void MapJustificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/justifications").WithTags("Justifications").RequireAuthorization(AgentApi.StaffPolicy);
        group.MapGet("", ListAsync).WithName("ListJustifications");
        group.MapPost("", SubmitAsync).WithName("SubmitJustification");
        group.MapPost("/decisions", DecideAsync).WithName("DecideJustification");
        group.MapGet("/settlement-input", SettlementInputAsync).WithName("ExportSettlementInput").Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    /// <summary>The <c>--justifications</c> file of <c>helpdesk assess</c>: the closing day, today and the recorded justifications of a closed month.</summary>
    internal static async Task<IResult> SettlementInputAsync(HttpContext context, string? month, Justifications justifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ReadProblem(context, month, out var parsed) is { } problem)
        {
            return problem;
        }

        return await Run(async () =>
        {
            var input = await justifications.SettlementInputAsync(parsed, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            using var stream = new MemoryStream();
            SettlementJson.Write(stream, parsed, input);
            return Results.Bytes(stream.ToArray(), "application/json");
        }).ConfigureAwait(false);
    }

    internal static async Task<IResult> ListAsync(HttpContext context, string? month, Justifications justifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ReadProblem(context, month, out var parsed) is { } problem)
        {
            return problem;
        }

        return await Run(async () => Results.Ok(await justifications.StatusAsync(parsed, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
    }

    internal static async Task<IResult> SubmitAsync(HttpContext context, JustificationRequest? body, Justifications justifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var agent = Agents.Current(context.User);
        if (agent is null || !(agent.IsInRole(Roles.Finance) || agent.IsInRole(Roles.Admin)))
        {
            return Problems.Forbidden("Somente o financeiro e administradores registram a justificativa do fornecedor.");
        }

        if (!AssessmentMonth.TryParse(body?.Month, out var month))
        {
            return ExportEndpoints.MonthProblem();
        }

        if (string.IsNullOrWhiteSpace(body!.Indicator) || string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 10_000)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(body.Indicator) ? "indicator" : "text"] = ["Informe o indicador e o texto da justificativa (até 10.000 caracteres)."],
            });
        }

        return await Run(async () => Results.Ok(await justifications.SubmitAsync(month, body.Indicator, body.Text, agent.UserId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
    }

    internal static async Task<IResult> DecideAsync(HttpContext context, DecisionRequest? body, Justifications justifications, TimeProvider clock, CancellationToken cancellationToken)
    {
        var agent = Agents.Current(context.User);
        if (agent is null || !agent.IsSupervisorOrAdmin)
        {
            return Problems.Forbidden("Somente o gestor do contrato (supervisor ou administrador) decide as justificativas.");
        }

        if (!AssessmentMonth.TryParse(body?.Month, out var month))
        {
            return ExportEndpoints.MonthProblem();
        }

        if (string.IsNullOrWhiteSpace(body!.Indicator) || body.Decision is not { } decision)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                [string.IsNullOrWhiteSpace(body.Indicator) ? "indicator" : "decision"] = ["Informe o indicador e a decisão (accepted ou rejected)."],
            });
        }

        return await Run(async () => Results.Ok(await justifications.DecideAsync(month, body.Indicator, decision, agent.UserId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
    }

    /// <summary>Reading a month's justifications: finance, supervisors and admins, and a month written yyyy-MM.</summary>
    private static IResult? ReadProblem(HttpContext context, string? month, out AssessmentMonth parsed)
    {
        parsed = default;
        var agent = Agents.Current(context.User);
        if (agent is null || !(agent.IsSupervisorOrAdmin || agent.IsInRole(Roles.Finance)))
        {
            return Problems.Forbidden("Somente o financeiro, supervisores e administradores veem as justificativas.");
        }

        return AssessmentMonth.TryParse(month, out parsed) ? null : ExportEndpoints.MonthProblem();
    }

    private static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (JustificationException ex)
        {
            return ex.NotFound ? Problems.NotFound(ex.Message) : Problems.Conflict(ex.Message, "justification.invalid");
        }
    }
}
