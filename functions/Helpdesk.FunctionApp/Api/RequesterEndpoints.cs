using System.Globalization;
using Helpdesk.Application.Privacy;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary>An anonymization request: why (the data subject's request, its number in the officer's records…).</summary>
public sealed record AnonymizeRequest(string? Reason);

/// <summary>
/// A data subject's rights (LGPD art. 18; role <c>dpo</c>, or admin): <c>GET /api/requesters/{email}/data</c> (everything
/// held about the person, JSON, for access and portability) and <c>POST /api/requesters/{email}/anonymize</c> with a
/// <c>reason</c> (docs/decisions/ADR-023). A request for tickets that are all kept under a legal obligation is 409 and
/// says until when; tickets that are erased stay in every figure.
/// </summary>
public static class RequesterEndpoints
{
    public const int MaxReasonLength = 1_000;

    public static void MapRequesterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/requesters").WithTags("Data subjects").RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("/{email}/data", DataAsync).WithName("GetRequesterData")
            .WithSummary("Everything held about a requester (LGPD art. 18 II and V), for the dpo or an admin.")
            .Produces<DataSubjectRecord>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{email}/anonymize", AnonymizeAsync).WithName("AnonymizeRequester").Accepts<AnonymizeRequest>("application/json")
            .WithSummary("Erases a requester's personal data from every ticket not kept under a legal obligation (LGPD art. 18 IV and VI; art. 16 I).")
            .Produces<AnonymizationResult>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<IResult> DataAsync(string email, HttpContext context, DataSubjectRights rights, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryParse(email, out var requester, out _))
        {
            return InvalidEmail();
        }

        try
        {
            return Results.Ok(await rights.ExportAsync(requester, Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false));
        }
        catch (RequesterNotFoundException)
        {
            return NoTickets();
        }
    }

    internal static async Task<IResult> AnonymizeAsync(string email, HttpContext context, AnonymizeRequest? body, DataSubjectRights rights, ContractDefinition contract, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!EmailAddress.TryParse(email, out var requester, out _))
        {
            errors["email"] = ["Informe o e-mail do titular no caminho (nome@dominio.gov.br)."];
        }

        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"Informe o motivo da anonimização (até {MaxReasonLength} caracteres), por exemplo o número do pedido do titular."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        try
        {
            return Results.Ok(await rights.AnonymizeAsync(requester, reason!, Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false));
        }
        catch (RequesterNotFoundException)
        {
            return NoTickets();
        }
        catch (LegalRetentionException ex)
        {
            var kept = string.Join("; ", ex.Kept.Select(k => k.KeptUntil is { } until
                ? $"{k.Protocol} até {contract.Clock.ToLocal(until).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
                : $"{k.Protocol} enquanto estiver em atendimento"));
            return Results.Problem(
                detail: $"Nada foi anonimizado: os registros deste titular são mantidos para cumprir obrigação legal (LGPD, art. 16, I: registros de atendimento exigidos pelo regulador). Chamados mantidos: {kept}. Depois do prazo, os dados pessoais são eliminados automaticamente.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Registros mantidos por obrigação legal",
                type: "https://helpdesk.local/problems/legal-retention",
                extensions: new Dictionary<string, object?> { ["kept"] = ex.Kept });
        }
    }

    private static IResult InvalidEmail() =>
        Problems.Validation(new Dictionary<string, string[]> { ["email"] = ["Informe o e-mail do titular no caminho (nome@dominio.gov.br)."] });

    private static IResult NoTickets() => Problems.NotFound("Nenhum chamado tem este titular como solicitante.");
}
