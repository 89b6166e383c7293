using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary>A dead-lettered queue message as a supervisor sees it: which queue, which ticket, why, and how often it was
/// tried. The body itself (an e-mail's recipient and text, a hand-off) is not shown. <see cref="DeadLetteredAt"/> is null
/// in Azure (Service Bus does not report when a message was dead-lettered).</summary>
public sealed record DeadLetterResponse(Guid Id, string Queue, string? Protocol, int DeliveryCount, DateTimeOffset CreatedAt, DateTimeOffset? DeadLetteredAt, string Reason);

/// <summary>
/// <c>GET /api/deadletters</c> and <c>POST /api/deadletters/{id}/replay</c> (supervisors and admins): the messages given
/// up on after the maximum number of deliveries (the embedded outbox, or Service Bus's dead-letter sub-queues under the
/// Functions host), and putting one back in line. Service Bus unreachable or refusing: 503 problem details.
/// </summary>
public static partial class DeadLetterEndpoints
{
    public static void MapDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/deadletters").WithTags("Dead letters").RequireAuthorization(AgentApi.StaffPolicy);
        group.MapGet("", ListAsync).WithName("ListDeadLetters");
        group.MapPost("/{id:guid}/replay", ReplayAsync).AddEndpointFilter<CrossSiteWriteFilter>().WithName("ReplayDeadLetter");
    }

    internal static async Task<IResult> ListAsync(HttpContext context, DeadLetterService deadLetters, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        try
        {
            var letters = await deadLetters.ListAsync(Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false);
            return Results.Ok(letters.Select(d => new DeadLetterResponse(d.Id, d.Queue, d.Protocol, d.DeliveryCount, d.CreatedAt, d.DeadLetteredAt, d.Reason)).ToList());
        }
        catch (DeadLetterQueueUnavailableException ex)
        {
            LogUnavailable(loggers.CreateLogger(typeof(DeadLetterEndpoints)), ex);
            return Unavailable();
        }
    }

    internal static async Task<IResult> ReplayAsync(Guid id, HttpContext context, DeadLetterService deadLetters, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        try
        {
            return await deadLetters.ReplayAsync(Agents.Current(context.User)!, id, cancellationToken).ConfigureAwait(false)
                ? Results.Ok(new { id, replayed = true })
                : Problems.NotFound($"Não há mensagem na fila de mensagens mortas com o id {id}.");
        }
        catch (DeadLetterQueueUnavailableException ex)
        {
            LogUnavailable(loggers.CreateLogger(typeof(DeadLetterEndpoints)), ex);
            return Unavailable();
        }
    }

    /// <summary>The text a supervisor reads when Service Bus cannot be reached (the cause, an operation and a status, is logged).</summary>
    public const string UnavailableDetail = "Não foi possível consultar a fila de mensagens mortas do Service Bus agora; tente de novo em instantes.";

    private static IResult Unavailable() =>
        Results.Problem(detail: UnavailableDetail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Fila de mensagens mortas indisponível");

    private static IResult? Refuse(HttpContext context)
    {
        var agent = Agents.Current(context.User);
        return agent is null || !agent.IsSupervisorOrAdmin
            ? Problems.Forbidden("Somente supervisores e administradores veem e reenviam mensagens mortas.")
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-letter queue unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
