using System.Text.Json;
using Helpdesk.Application.Ports;
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

    internal static async Task<IResult> ListAsync(HttpContext context, IOutboxStore outbox, IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (Refuse(context, configuration) is { } refusal)
        {
            return refusal;
        }

        var letters = await outbox.ListDeadLettersAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(letters.Select(d => new DeadLetterResponse(d.Id, d.Queue, ProtocolOf(d.Body), d.DeliveryCount, d.CreatedAt, d.DeadLetteredAt, d.Reason)).ToList());
    }

    internal static async Task<IResult> ReplayAsync(Guid id, HttpContext context, IOutboxStore outbox, IOutboxSignal signal, IConfiguration configuration, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Refuse(context, configuration) is { } refusal)
        {
            return refusal;
        }

        if (!await outbox.ReplayAsync(id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return Problems.NotFound($"Não há mensagem na fila de mensagens mortas com o id {id}.");
        }

        signal.Notify();
        return Results.Ok(new { id, replayed = true });
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

    private static string? ProtocolOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("protocol", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
