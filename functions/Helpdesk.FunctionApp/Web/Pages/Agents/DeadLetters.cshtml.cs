using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Api;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.FunctionApp.Web.Pages.Agents;

/// <summary>
/// The supervisors' dead-letter page: the messages given up on (queue, ticket, reason, deliveries, when queued and when
/// last tried; never the body) and a replay button per message, through the same <see cref="DeadLetterService"/> as
/// <c>POST /api/deadletters/{id}/replay</c>: the embedded outbox, or Service Bus's dead-letter sub-queues in Azure.
/// </summary>
public sealed class DeadLettersModel(DeadLetterService deadLetters) : AgentPageModel
{
    public IReadOnlyList<DeadLetterSummary> Letters { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (Prepare() is { } refusal)
        {
            return refusal;
        }

        Done = done == "replay" ? "Mensagem recolocada na fila; ela será entregue de novo em instantes." : null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Prepare() is { } refusal)
        {
            return refusal;
        }

        try
        {
            if (await deadLetters.ReplayAsync(Agent, id, cancellationToken))
            {
                return Redirect(WebRoutes.DeadLetters + "?done=replay");
            }

            Error = "Esta mensagem não está mais entre as mensagens com falha (talvez já tenha sido reenviada).";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (DeadLetterQueueUnavailableException)
        {
            Error = DeadLetterEndpoints.UnavailableDetail;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private IActionResult? Prepare()
    {
        ViewData["Nav"] = "dashboard";
        ViewData["Title"] = "Mensagens com falha de entrega";
        if (!Agent.IsSupervisorOrAdmin)
        {
            return Forbid();
        }

        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Letters = await deadLetters.ListAsync(Agent, cancellationToken);
        }
        catch (DeadLetterQueueUnavailableException)
        {
            Error = DeadLetterEndpoints.UnavailableDetail;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    /// <summary>The queue's name as a supervisor reads it.</summary>
    public static string QueueName(string queue) => queue switch
    {
        Application.Outbox.Queues.OutboundMail => "E-mail ao solicitante",
        Application.Outbox.Queues.Escalations => "Escalonamento ao 2º nível",
        Application.Outbox.Queues.GraphNotifications => "Notificação de e-mail recebido (Graph)",
        _ => queue,
    };
}
