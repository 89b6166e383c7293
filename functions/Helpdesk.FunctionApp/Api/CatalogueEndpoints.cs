using Helpdesk.Application.Catalogue;
using Helpdesk.Domain.Catalogue;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

public sealed record CatalogueDocument(IReadOnlyList<CatalogueCategory>? Categories, IReadOnlyList<CataloguePriority>? Priorities, IReadOnlyList<SupportGroup>? Groups);

/// <summary><c>/api/catalogue</c>: the service catalogue (categories with their groups and level-1 scripts, priorities,
/// support groups per level). GET with ETag; PUT replaces it with If-Match (supervisors, admins).</summary>
public static class CatalogueEndpoints
{
    public static void MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue").WithTags("Catalogue").RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("", GetAsync).WithName("GetCatalogue").Produces<SupportCatalogue>();
        group.MapPut("", ReplaceAsync).WithName("ReplaceCatalogue").Produces<SupportCatalogue>().ProducesProblem(400).ProducesProblem(412).ProducesProblem(428);
    }

    internal static async Task<IResult> GetAsync(HttpContext context, CatalogueService catalogue, CancellationToken cancellationToken)
    {
        var stored = await catalogue.GetAsync(Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false);
        ETags.Set(context.Response, stored.Version);
        return Results.Ok(stored.Catalogue);
    }

    internal static async Task<IResult> ReplaceAsync(CatalogueDocument? body, HttpContext context, CatalogueService catalogue, CancellationToken cancellationToken)
    {
        var agent = Agents.Current(context.User)!;
        if (!agent.CanEditCatalogue)
        {
            return Problems.Forbidden("Somente supervisores e administradores alteram o catálogo.");
        }

        var (version, problem) = ETags.ReadIfMatch(context.Request);
        if (problem is not null)
        {
            return problem;
        }

        if (body?.Categories is null || body.Priorities is null || body.Groups is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["Envie categories, priorities e groups."] });
        }

        var stored = await catalogue.ReplaceAsync(agent, new SupportCatalogue(body.Categories, body.Priorities, body.Groups), version!.Value, cancellationToken).ConfigureAwait(false);
        ETags.Set(context.Response, stored.Version);
        return Results.Ok(stored.Catalogue);
    }
}
