using Helpdesk.Application.Intake;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Mail;
using Helpdesk.Domain.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>
/// The supervisors' "Mensagens retidas" page (issue 18): the messages the intake held instead of dropping (sender,
/// subject, text, when, why), each with the two decisions of <c>/api/mailbox/held</c> through the same
/// <see cref="HeldMessageReview"/>: open a ticket for the address the supervisor keeps or corrects, or discard with a reason.
/// </summary>
public sealed class HeldMessagesModel(HeldMessageReview review) : AgentPageModel
{
    public IReadOnlyList<HeldMessage> Messages { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? aberto, string? descartada, CancellationToken cancellationToken)
    {
        if (Prepare() is { } refusal)
        {
            return refusal;
        }

        // Only a protocol number from the URL reaches the notice, never other text.
        Done = Domain.Tickets.ProtocolNumber.TryParse(aberto, out var opened) ? $"Chamado {opened} aberto a partir da mensagem retida."
            : descartada is not null ? "Mensagem descartada; o motivo ficou registrado." : null;
        Messages = await review.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTicketAsync(string id, string? solicitante, CancellationToken cancellationToken)
    {
        if (Prepare() is { } refusal)
        {
            return refusal;
        }

        if (!EmailAddress.TryParse(solicitante, out var requester, out _))
        {
            return await FailAsync("Informe um e-mail válido para o solicitante (nome@dominio.gov.br).", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var result = await review.OpenTicketAsync(Agent, id, requester, cancellationToken);
        return result.Status switch
        {
            HeldReviewStatus.Done => Redirect($"{WebRoutes.HeldMessages}?aberto={Uri.EscapeDataString(result.Message!.Decision!.Protocol!)}"),
            HeldReviewStatus.NotFound => await FailAsync("Esta mensagem retida não existe.", StatusCodes.Status404NotFound, cancellationToken),
            _ => await FailAsync("Esta mensagem já foi decidida por outra pessoa.", StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    public async Task<IActionResult> OnPostDiscardAsync(string id, string? motivo, CancellationToken cancellationToken)
    {
        if (Prepare() is { } refusal)
        {
            return refusal;
        }

        var reason = motivo?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > Api.HeldMessageEndpoints.MaxReasonLength)
        {
            return await FailAsync($"Informe o motivo do descarte (até {Api.HeldMessageEndpoints.MaxReasonLength} caracteres).", StatusCodes.Status400BadRequest, cancellationToken);
        }

        var result = await review.DiscardAsync(Agent, id, reason, cancellationToken);
        return result.Status switch
        {
            HeldReviewStatus.Done => Redirect($"{WebRoutes.HeldMessages}?descartada=1"),
            HeldReviewStatus.NotFound => await FailAsync("Esta mensagem retida não existe.", StatusCodes.Status404NotFound, cancellationToken),
            _ => await FailAsync("Esta mensagem já foi decidida por outra pessoa.", StatusCodes.Status409Conflict, cancellationToken),
        };
    }

    /// <summary>The address offered in the "open a ticket" form: the repair's guess, or the sender unless it is a robot.</summary>
    public static string? Offered(HeldMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.SuggestedRequester
            ?? (EmailAddress.TryParse(message.From, out var from, out _) && !AutomaticMailDetector.IsAutomaticAddress(from.Value) ? from.Value : null);
    }

    /// <summary>Why a message was held, as a supervisor reads it.</summary>
    public static string ReasonText(string reason) => reason switch
    {
        "automatic-sender" => "Remetente automático (noreply, mailer-daemon)",
        "auto-submitted" => "Mensagem gerada automaticamente",
        "mailing-list" => "Lista de distribuição",
        "delivery-report" => "Aviso de não entrega sem chamado correspondente",
        "bounce" => "Devolução sem chamado correspondente",
        "no-valid-sender" => "Remetente sem endereço utilizável",
        "sender-guessed" => "Endereço do remetente corrigido por suposição",
        _ when reason.StartsWith("precedence-", StringComparison.Ordinal) => "Mensagem em massa (" + reason["precedence-".Length..] + ")",
        _ => reason,
    };

    private async Task<IActionResult> FailAsync(string error, int status, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = status;
        Messages = await review.ListAsync(cancellationToken);
        return Page();
    }

    private IActionResult? Prepare()
    {
        ViewData["Nav"] = "dashboard";
        ViewData["Title"] = "Mensagens retidas";
        return Agent.IsSupervisorOrAdmin ? null : Forbid();
    }
}
