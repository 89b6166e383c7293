using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

public sealed record MeResponse(string UserId, string? DisplayName, IReadOnlyList<string> Roles, bool CanWorkTickets, bool CanSeeTaxIds, bool CanEditKnowledge, bool CanEditCatalogue, bool CanEditInstitutions);

/// <summary><c>GET /api/me</c>: who is signed in and what they may do (for the front end to show the right actions).</summary>
public static class MeEndpoints
{
    public static void MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext context) =>
            {
                var a = Agents.Current(context.User)!;
                return Results.Ok(new MeResponse(a.UserId, a.DisplayName, [.. a.Roles.Order(StringComparer.Ordinal)], a.CanWorkTickets, a.CanSeeTaxIds, a.CanEditKnowledge, a.CanEditCatalogue, a.CanEditInstitutions));
            })
            .WithTags("Identity").WithName("Me").RequireAuthorization(AgentApi.StaffPolicy).Produces<MeResponse>().ProducesProblem(401);
    }
}
