using Helpdesk.Application.Intake;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Helpdesk.FunctionApp.Web.Pages.Public;

/// <summary>
/// The public request form: no sign-in, opens a ticket through the same intake as e-mail and the API. The hidden
/// submission id is the idempotency key, so a double submit (or a refresh of the POST) opens one ticket.
/// Anti-forgery is checked by hand so that an expired token re-shows the form with what was typed.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(AgentApi.AnonymousIntakePolicy)]
[RequestSizeLimit(Hosting.RequestGuards.IntakeBodyBytes)]
public sealed class RequestModel(TicketIntake intake, IIdGenerator ids, IAntiforgery antiforgery, TimeProvider clock) : PageModel
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 20_000;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    /// <summary>The requester's UF (optional: without it, the institution's applies).</summary>
    [BindProperty]
    public string? Uf { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? SubmissionId { get; set; }

    /// <summary>Field errors in pt-BR, in the order the fields appear on the form.</summary>
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public string? FormMessage { get; private set; }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public bool IsFirstError(string field) => Errors.Count > 0 && Errors[0].Field == field;

    public void OnGet() => SubmissionId = ids.NewId().ToString("N");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(SubmissionId, "N", out _))
        {
            SubmissionId = ids.NewId().ToString("N");
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext).ConfigureAwait(false))
        {
            FormMessage = "O formulário expirou. Confira os dados abaixo e envie novamente.";
            return Page();
        }

        var errors = new List<FieldError>();
        var name = Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(new FieldError(nameof(Name), "Informe seu nome."));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new FieldError(nameof(Name), $"O nome deve ter no máximo {MaxNameLength} caracteres."));
        }

        EmailAddress email = default;
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors.Add(new FieldError(nameof(Email), "Informe seu e-mail institucional."));
        }
        else if (!EmailAddress.TryParse(Email, out email, out _))
        {
            errors.Add(new FieldError(nameof(Email), "Informe um e-mail válido, no formato nome@instituicao.gov.br."));
        }

        Uf? uf = null;
        if (!string.IsNullOrWhiteSpace(Uf))
        {
            if (Domain.Common.Uf.TryParse(Uf, out var parsedUf))
            {
                uf = parsedUf;
            }
            else
            {
                errors.Add(new FieldError(nameof(Uf), "Escolha a UF (estado) na lista."));
            }
        }

        var subject = Subject?.Trim();
        if (string.IsNullOrEmpty(subject))
        {
            errors.Add(new FieldError(nameof(Subject), "Informe o assunto."));
        }
        else if (subject.Length > Ticket.MaxSubjectLength)
        {
            errors.Add(new FieldError(nameof(Subject), $"O assunto deve ter no máximo {Ticket.MaxSubjectLength} caracteres."));
        }

        var description = Description?.Trim();
        if (string.IsNullOrEmpty(description))
        {
            errors.Add(new FieldError(nameof(Description), "Descreva o que aconteceu ou o que você precisa."));
        }
        else if (description.Length > MaxDescriptionLength)
        {
            errors.Add(new FieldError(nameof(Description), $"A descrição deve ter no máximo {MaxDescriptionLength} caracteres."));
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        NewTicket request;
        try
        {
            request = new NewTicket(subject!, description!, email, name, Channel.WebForm, clock.GetUtcNow()) { Uf = uf };
        }
        catch (DomainException)
        {
            Errors = [new FieldError(nameof(Description), "Não foi possível registrar o pedido com estes dados. Revise os campos.")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await intake.ReceiveRequestAsync(request, "form:" + SubmissionId, Application.Intake.IdempotencyScope.PublicForm, registeredByStaff: false, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == Application.Intake.IntakeOutcome.IdempotencyConflict)
        {
            // The same page was sent before with other contents: never answer with the first pedido as if it were this one.
            Errors = [new FieldError(nameof(Description), "Este formulário já foi enviado com outro conteúdo. Recarregue a página para fazer um novo pedido.")];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        if (result.Outcome == Application.Intake.IntakeOutcome.InProgress)
        {
            // The same submission is being registered by an earlier click (Cosmos DB claim): ask to send again shortly.
            Errors = [new FieldError(nameof(Description), "Seu pedido ainda está sendo registrado. Aguarde alguns segundos e envie novamente.")];
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = Api.MailboxEndpoints.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Page();
        }

        return RedirectToPage("/Public/RequestReceived", new { protocol = result.Protocol });
    }

    public sealed record FieldError(string Field, string Message);
}
