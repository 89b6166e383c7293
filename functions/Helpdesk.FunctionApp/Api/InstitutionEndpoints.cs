using Helpdesk.Application.Institutions;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Institutions;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary><see cref="Uf"/>: the institution's state (one of the 27 UFs, case-insensitive), the default UF of its
/// requesters' tickets; optional.</summary>
public sealed record InstitutionRequest(string? Name, string? Uf = null);

public sealed record InstitutionResponse(string Domain, string Name, string? Uf)
{
    public static InstitutionResponse From(InstitutionMapping m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Domain, m.Name, m.Uf?.Code);
    }
}

/// <summary><c>/api/institutions</c>: the editable table that derives a requester's institution from the e-mail domain
/// (everyone on staff reads it; admins edit it).</summary>
public static class InstitutionEndpoints
{
    public static void MapInstitutionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/institutions").WithTags("Institutions").RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("", ListAsync).WithName("ListInstitutions").Produces<IReadOnlyList<InstitutionResponse>>();
        group.MapPut("/{domain}", UpsertAsync).WithName("PutInstitution").Produces<InstitutionResponse>().ProducesProblem(400).ProducesProblem(403);
        group.MapDelete("/{domain}", RemoveAsync).WithName("DeleteInstitution").Produces(204).ProducesProblem(404);
    }

    internal static async Task<IResult> ListAsync(HttpContext context, InstitutionService institutions, CancellationToken cancellationToken) =>
        Results.Ok((await institutions.ListAsync(Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false)).Select(InstitutionResponse.From).ToList());

    internal static async Task<IResult> UpsertAsync(string domain, InstitutionRequest? body, HttpContext context, InstitutionService institutions, CancellationToken cancellationToken)
    {
        var mapping = new InstitutionMapping(domain, body?.Name ?? string.Empty, Uf.ParseOptional(body?.Uf));
        await institutions.UpsertAsync(Agents.Current(context.User)!, mapping, cancellationToken).ConfigureAwait(false);
        return Results.Ok(InstitutionResponse.From(mapping));
    }

    internal static async Task<IResult> RemoveAsync(string domain, HttpContext context, InstitutionService institutions, CancellationToken cancellationToken) =>
        await institutions.RemoveAsync(Agents.Current(context.User)!, domain, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : Problems.NotFound($"O domínio '{domain}' não está na tabela.");
}
