using Helpdesk.Application.Knowledge;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Api;

public sealed record KnowledgeArticleRequest(string? Kind, string? Title, string? Body, IReadOnlyList<string>? Tags, string? Category);

public sealed record ArticleFromReplyRequest(string? Protocol, string? MessageId, string? Title, IReadOnlyList<string>? Tags);

public sealed record KnowledgeArticleResponse(
    Guid Id, string Kind, string Title, string Body, IReadOnlyList<string> Tags, string? Category, int UseCount, string? SourceProtocol, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static KnowledgeArticleResponse From(KnowledgeArticle a, Domain.Contracts.ContractClock clock)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(clock);
        return new(a.Id, TicketResponse.JsonName(a.Kind.ToString()), a.Title, a.Body, a.Tags, a.Category, a.UseCount, a.SourceProtocol, a.CreatedBy,
            clock.ToLocal(a.CreatedAt), clock.ToLocal(a.UpdatedAt));
    }
}

/// <summary><c>/api/kb</c>: the knowledge base (articles and canned answers), accent-insensitive search, use counts,
/// an article made from an agent's reply.</summary>
public static class KnowledgeEndpoints
{
    public static void MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/kb").WithTags("Knowledge").RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>();
        group.MapGet("", SearchAsync).WithName("SearchKnowledge").WithSummary("Searches articles and canned answers (accent- and case-insensitive).")
            .Produces<IReadOnlyList<KnowledgeArticleResponse>>();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetKnowledgeArticle").Produces<KnowledgeArticleResponse>().ProducesProblem(404);
        group.MapPost("", CreateAsync).WithName("CreateKnowledgeArticle").Produces<KnowledgeArticleResponse>(201).ProducesProblem(400);
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateKnowledgeArticle").Produces<KnowledgeArticleResponse>().ProducesProblem(404);
        group.MapPost("/{id:guid}/uses", RecordUseAsync).AddEndpointFilter<CrossSiteWriteFilter>().WithName("RecordKnowledgeUse").WithSummary("Counts one insertion into a reply.").Produces(204);
        group.MapPost("/from-reply", FromReplyAsync).WithName("CreateArticleFromReply").WithSummary("Turns an agent's reply on a ticket into an article.")
            .Produces<KnowledgeArticleResponse>(201);
    }

    internal static async Task<IResult> SearchAsync(HttpContext context, KnowledgeService knowledge, [FromQuery] string? q, [FromQuery] string? kind, [FromQuery] string? category, [FromQuery] int? limit, CancellationToken cancellationToken)
    {
        KnowledgeKind? k = null;
        if (kind is { Length: > 0 })
        {
            if (!TryKind(kind, out var parsed))
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["kind"] = ["Use article ou cannedAnswer."] });
            }

            k = parsed;
        }

        var found = await knowledge.SearchAsync(Agents.Current(context.User)!, new KnowledgeSearch(q, k, category, limit ?? 20), cancellationToken).ConfigureAwait(false);
        return Results.Ok(found.Select(a => KnowledgeArticleResponse.From(a, Web.Display.ClockOf(context))).ToList());
    }

    internal static async Task<IResult> GetAsync(Guid id, HttpContext context, KnowledgeService knowledge, CancellationToken cancellationToken) =>
        await knowledge.GetAsync(Agents.Current(context.User)!, id, cancellationToken).ConfigureAwait(false) is { } article
            ? Results.Ok(KnowledgeArticleResponse.From(article, Web.Display.ClockOf(context)))
            : Problems.NotFound("Artigo não encontrado.");

    internal static async Task<IResult> CreateAsync(KnowledgeArticleRequest? body, HttpContext context, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.BadRequest("Envie o artigo como JSON.");
        }

        var kind = KnowledgeKind.Article;
        if (body.Kind is { Length: > 0 } text && !TryKind(text, out kind))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["kind"] = ["Use article ou cannedAnswer."] });
        }

        var article = await knowledge.CreateAsync(Agents.Current(context.User)!, kind, body.Title ?? string.Empty, body.Body ?? string.Empty, body.Tags, body.Category, cancellationToken).ConfigureAwait(false);
        return Results.Created("/api/kb/" + article.Id, KnowledgeArticleResponse.From(article, Web.Display.ClockOf(context)));
    }

    internal static async Task<IResult> UpdateAsync(Guid id, KnowledgeArticleRequest? body, HttpContext context, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.BadRequest("Envie o artigo como JSON.");
        }

        var article = await knowledge.UpdateAsync(Agents.Current(context.User)!, id, body.Title ?? string.Empty, body.Body ?? string.Empty, body.Tags, body.Category, cancellationToken).ConfigureAwait(false);
        return article is null ? Problems.NotFound("Artigo não encontrado.") : Results.Ok(KnowledgeArticleResponse.From(article, Web.Display.ClockOf(context)));
    }

    internal static async Task<IResult> RecordUseAsync(Guid id, HttpContext context, KnowledgeService knowledge, CancellationToken cancellationToken) =>
        await knowledge.RecordUseAsync(Agents.Current(context.User)!, id, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : Problems.NotFound("Artigo não encontrado.");

    internal static async Task<IResult> FromReplyAsync(ArticleFromReplyRequest? body, HttpContext context, KnowledgeService knowledge, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return Problems.BadRequest("Envie protocol, messageId e title como JSON.");
        }

        if (!ProtocolNumber.TryParse(body.Protocol, out var protocol))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["protocol"] = ["Informe o protocolo do chamado."] });
        }

        var article = await knowledge.CreateFromReplyAsync(Agents.Current(context.User)!, protocol, body.MessageId ?? string.Empty, body.Title ?? string.Empty, body.Tags, cancellationToken).ConfigureAwait(false);
        return Results.Created("/api/kb/" + article.Id, KnowledgeArticleResponse.From(article, Web.Display.ClockOf(context)));
    }

    private static bool TryKind(string text, out KnowledgeKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _);
}
