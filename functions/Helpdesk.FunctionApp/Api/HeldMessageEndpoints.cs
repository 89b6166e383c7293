using Helpdesk.Application.Intake;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary>A held message as a supervisor's list shows it (issue 18). <see cref="SuggestedRequester"/> is the address a
/// sender repair guessed, if any.</summary>
public sealed record HeldMessageResponse(string Id, string MessageId, string? From, string Subject, DateTimeOffset ReceivedAt, string Reason, string? SuggestedRequester)
{
    public static HeldMessageResponse Of(HeldMessage m) => new(m.Id, m.MessageId, m.From, m.Subject, m.ReceivedAt, m.Reason, m.SuggestedRequester);
}

/// <summary>Opening a ticket from a held message, for the requester the supervisor chose or corrected.</summary>
public sealed record OpenHeldRequest(string? RequesterEmail);

/// <summary>Discarding a held message, with the reason.</summary>
public sealed record DiscardHeldRequest(string? Reason);

/// <summary>
/// <c>GET /api/mailbox/held</c>, <c>POST /api/mailbox/held/{id}/ticket</c> and <c>POST /api/mailbox/held/{id}/discard</c>
/// (supervisors and admins): the messages the intake held instead of dropping, and the two decisions on each. Opening
/// twice opens one ticket; a decision on a decided message is 409 and changes nothing.
/// </summary>
public static class HeldMessageEndpoints
{
    public const int MaxReasonLength = 1_000;

    public static void MapHeldMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mailbox/held").WithTags("Mailbox").RequireAuthorization(AgentApi.StaffPolicy);
        group.MapGet("", ListAsync).WithName("ListHeldMessages");
        group.MapPost("/{id}/ticket", OpenAsync).WithName("OpenTicketFromHeldMessage");
        group.MapPost("/{id}/discard", DiscardAsync).WithName("DiscardHeldMessage");
    }

    internal static async Task<IResult> ListAsync(HttpContext context, HeldMessageReview review, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        var held = await review.ListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(held.Select(HeldMessageResponse.Of).ToList());
    }

    internal static async Task<IResult> OpenAsync(string id, HttpContext context, OpenHeldRequest? body, HeldMessageReview review, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        if (!EmailAddress.TryParse(body?.RequesterEmail, out var requester, out _))
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["requesterEmail"] = ["Informe o endereço de e-mail do solicitante (nome@dominio.gov.br)."],
            });
        }

        var result = await review.OpenTicketAsync(Agents.Current(context.User)!, id, requester, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            HeldReviewStatus.NotFound => NotFound(id),
            HeldReviewStatus.AlreadyDecided => Decided(result.Message!),
            _ => Results.Ok(new { id, outcome = "ticket", protocol = result.Message!.Decision!.Protocol, requesterEmail = result.Message.Decision.Requester }),
        };
    }

    internal static async Task<IResult> DiscardAsync(string id, HttpContext context, DiscardHeldRequest? body, HeldMessageReview review, CancellationToken cancellationToken)
    {
        if (Refuse(context) is { } refusal)
        {
            return refusal;
        }

        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["reason"] = [$"Informe o motivo do descarte (até {MaxReasonLength} caracteres)."],
            });
        }

        var result = await review.DiscardAsync(Agents.Current(context.User)!, id, reason, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            HeldReviewStatus.NotFound => NotFound(id),
            HeldReviewStatus.AlreadyDecided => Decided(result.Message!),
            _ => Results.Ok(new { id, outcome = "discarded", reason }),
        };
    }

    private static IResult NotFound(string id) => Problems.NotFound($"Não há mensagem retida com o id {id}.");

    private static IResult Decided(HeldMessage message) => message.Decision!.Action == HeldDecision.Opened
        ? Problems.Conflict($"A mensagem já virou o chamado {message.Decision.Protocol}.", "held-decided")
        : Problems.Conflict("A mensagem já foi descartada.", "held-decided");

    private static IResult? Refuse(HttpContext context)
    {
        var agent = Agents.Current(context.User);
        return agent is null || !agent.IsSupervisorOrAdmin
            ? Problems.Forbidden("Somente supervisores e administradores veem e decidem as mensagens retidas.")
            : null;
    }
}
