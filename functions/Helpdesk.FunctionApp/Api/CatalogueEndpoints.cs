using Helpdesk.Application.Catalogue;
using Helpdesk.Domain.Catalogue;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

public sealed record CatalogueDocument(IReadOnlyList<CatalogueCategory>? Categories, IReadOnlyList<CataloguePriority>? Priorities, IReadOnlyList<SupportGroup>? Groups);

/// <summary>A contract target of one category × priority (read-only here: targets are contract data).</summary>
public sealed record CatalogueTarget(string Category, string Priority, string FirstResponse, string Resolution, string? ResolutionLimit);

public sealed record CatalogueResponse(IReadOnlyList<CatalogueCategory> Categories, IReadOnlyList<CataloguePriority> Priorities, IReadOnlyList<SupportGroup> Groups, IReadOnlyList<CatalogueTarget> Targets, int Version)
{
    public static CatalogueResponse From(Application.Ports.StoredCatalogue stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var targets = Domain.Contracts.DefaultContract.Definition.ServiceCatalogue.Entries
            .Select(e => new CatalogueTarget(e.Category, e.Priority, e.FirstResponse.Due.ToString(), e.Resolution.Due.ToString(), e.Resolution.Limit?.ToString()))
            .ToList();
        return new(stored.Catalogue.Categories, stored.Catalogue.Priorities, stored.Catalogue.Groups, targets, stored.Version);
    }
}

/// <summary><c>/api/catalogue</c>: the service catalogue (categories with their groups and level-1 scripts, priorities,
/// support groups per level) with the contract's targets per category × priority. GET with ETag; PUT replaces
/// categories, priorities and groups with If-Match (supervisors, admins); targets stay the contract's.</summary>
public static class CatalogueEndpoints
{
    public static void MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/catalogue").WithTags("Catalogue").RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("", GetAsync).WithName("GetCatalogue").Produces<CatalogueResponse>();
        group.MapPut("", ReplaceAsync).WithName("ReplaceCatalogue").Produces<CatalogueResponse>().ProducesProblem(400).ProducesProblem(412).ProducesProblem(428);
    }

    internal static async Task<IResult> GetAsync(HttpContext context, CatalogueService catalogue, CancellationToken cancellationToken)
    {
        var stored = await catalogue.GetAsync(Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false);
        ETags.Set(context.Response, stored.Version);
        return Results.Ok(CatalogueResponse.From(stored));
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
        return Results.Ok(CatalogueResponse.From(stored));
    }
}
