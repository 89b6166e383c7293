using Helpdesk.Application.Outbox;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary>A dead-lettered queue message as a supervisor sees it: which queue, which ticket, why, and how often it was
/// tried. The body itself (an e-mail's recipient and text, a hand-off) is not shown.</summary>
public sealed record DeadLetterResponse(Guid Id, string Queue, string? Protocol, int DeliveryCount, DateTimeOffset CreatedAt, DateTimeOffset DeadLetteredAt, string Reason);

/// <summary>
/// <c>GET /api/deadletters</c> and <c>POST /api/deadletters/{id}/replay</c> (supervisors and admins): the messages the
/// embedded runner gave up on after the maximum number of deliveries, and putting one back in line. Under the
/// Functions host the dead letters live in Service Bus's dead-letter sub-queues, which this app cannot read yet: 501.
/// </summary>
public static class DeadLetterEndpoints
{
    public static void MapDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deadletters").WithTags("Dead letters").RequireAuthorization(AgentApi.StaffPolicy);
        group.MapGet("", ListAsync).WithName("ListDeadLetters");
        group.MapPost("/{id:guid}/replay", ReplayAsync).WithName("ReplayDeadLetter");
    }

    internal static async Task<IResult> ListAsync(HttpContext context, DeadLetterService deadLetters, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (Refuse(context, configuration) is { } refusal)
        {
            return refusal;
        }

        var letters = await deadLetters.ListAsync(Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false);
        return Results.Ok(letters.Select(d => new DeadLetterResponse(d.Id, d.Queue, d.Protocol, d.DeliveryCount, d.CreatedAt, d.DeadLetteredAt, d.Reason)).ToList());
    }

    internal static async Task<IResult> ReplayAsync(Guid id, HttpContext context, DeadLetterService deadLetters, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (Refuse(context, configuration) is { } refusal)
        {
            return refusal;
        }

        return await deadLetters.ReplayAsync(Agents.Current(context.User)!, id, cancellationToken).ConfigureAwait(false)
            ? Results.Ok(new { id, replayed = true })
            : Problems.NotFound($"Não há mensagem na fila de mensagens mortas com o id {id}.");
    }

    private static IResult? Refuse(HttpContext context, IConfiguration configuration)
    {
        var agent = Agents.Current(context.User);
        if (agent is null || !agent.IsSupervisorOrAdmin)
        {
            return Problems.Forbidden("Somente supervisores e administradores veem e reenviam mensagens mortas.");
        }

        return HostingModes.Detect(configuration) == HostingMode.FunctionsHost
            ? Results.Problem(
                detail: "No Azure, as mensagens mortas ficam na subfila de mensagens mortas do Service Bus; consulte-as no portal até que esta tela as leia.",
                statusCode: StatusCodes.Status501NotImplemented,
                title: "Não disponível no Azure")
            : null;
    }
}
