using System.Text.Json;
using Helpdesk.Application.Intake;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Identity;

namespace Helpdesk.FunctionApp.Api;

/// <summary><c>POST /api/tickets</c>: open a ticket over HTTP (the public form and other systems; anonymous, rate-limited
/// per client address). Reading and working tickets is in <see cref="AgentTicketsEndpoints"/>.
/// What feeds the regulator's record and indicator 4 is staff's to say: an anonymous request is always channel
/// <c>api</c> (a staff-only channel such as <c>phone</c> is refused naming <c>channel</c>) and carries no CPF/CNPJ (refused
/// naming <c>requesterTaxId</c>); staff who work tickets register any channel with the requester's CPF/CNPJ.</summary>
public static class TicketsEndpoints
{
    private const int MaxNameLength = 200;

    public static void MapTicketsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Tickets");
        group.MapPost("", CreateAsync).WithName("CreateTicket").AllowAnonymous().RequireRateLimiting(AgentApi.AnonymousIntakePolicy)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(RequestGuards.IntakeBodyBytes))
            .WithSummary("Opens a ticket (anonymous; rate-limited per client address). Idempotency-Key makes retries safe.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    internal static async Task<IResult> CreateAsync(HttpRequest request, TicketIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Envie o chamado como JSON (Content-Type: application/json).");
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return Problems.BadRequest("O corpo da requisição não é um JSON válido.");
        }

        using (document)
        {
            var agent = Agents.Current(request.HttpContext.User);
            var staff = agent is { CanWorkTickets: true };
            var (ticket, errors) = ReadNewTicket(document.RootElement, clock.GetUtcNow(), staff);
            if (ticket is null)
            {
                return Problems.Validation(errors);
            }

            var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
            var caller = agent is not null ? IdempotencyScope.Staff(agent.UserId) : IdempotencyScope.Anonymous;
            var byStaff = agent is { CanReadTickets: true };
            var result = await intake.ReceiveRequestAsync(ticket, idempotencyKey.Length > 0 ? idempotencyKey : null, caller, byStaff, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == IntakeOutcome.IdempotencyConflict)
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["Idempotency-Key"] = ["Esta Idempotency-Key já foi usada por você com outro conteúdo. Use uma chave nova para um pedido diferente; para repetir o mesmo pedido, envie exatamente o mesmo conteúdo."] },
                    detail: "A Idempotency-Key foi reutilizada com um corpo diferente: nada foi registrado.",
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Idempotency-Key reutilizada",
                    type: "https://helpdesk.local/problems/idempotency-key-reused");
            }

            if (result.Outcome == IntakeOutcome.InProgress)
            {
                return Problems.RetryLater(request.HttpContext, "Outra requisição com esta Idempotency-Key está sendo registrada; tente novamente mais tarde.", MailboxEndpoints.RetryAfterSeconds);
            }

            var body = new { protocol = result.Protocol, outcome = result.Outcome.ToString().ToLowerInvariant() };
            var location = "/api/tickets/" + result.Protocol;
            return result.Outcome == IntakeOutcome.Created
                ? Results.Created(location, body)
                : Results.Ok(body);
        }
    }

    /// <summary>The channels an anonymous caller may name; whichever it names, the ticket is recorded as <c>api</c>.</summary>
    private static readonly Channel[] AnonymousChannels = [Channel.Api, Channel.WebForm];

    /// <summary>Reads and validates the JSON of a new ticket; every problem is reported under its field's name.
    /// <paramref name="staff"/>: the caller is signed-in staff who work tickets, who alone may name any channel and the
    /// requester's CPF/CNPJ; for anyone else <c>channel</c> is optional and the ticket is <c>api</c>.</summary>
    internal static (NewTicket? Ticket, Dictionary<string, string[]> Errors) ReadNewTicket(JsonElement root, DateTimeOffset now, bool staff)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["O corpo deve ser um objeto JSON."];
            return (null, errors);
        }

        var subject = ReadString(root, "subject", required: true, Ticket.MaxSubjectLength, errors);
        var description = ReadString(root, "description", required: true, NewTicket.MaxDescriptionLength, errors);
        var email = ReadString(root, "requesterEmail", required: true, 254, errors);
        var name = ReadString(root, "requesterName", required: false, MaxNameLength, errors);
        var channelText = ReadString(root, "channel", required: staff, 40, errors);
        var taxIdText = ReadString(root, "requesterTaxId", required: false, 30, errors);
        var ufText = ReadString(root, "uf", required: false, 10, errors);

        EmailAddress requester = default;
        if (email is not null && !EmailAddress.TryParse(email, out requester, out _))
        {
            errors["requesterEmail"] = ["Informe um e-mail válido (nome@dominio)."];
        }

        var channel = Channel.Api;
        if (channelText is not null && !TryParseChannel(channelText, out channel))
        {
            errors["channel"] = [$"Canal desconhecido. Use um destes: {string.Join(", ", Enum.GetNames<Channel>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."];
        }
        else if (!staff && channelText is not null && Array.IndexOf(AnonymousChannels, channel) < 0)
        {
            errors["channel"] = ["Somente a equipe de atendimento, identificada, registra chamados deste canal. Pedidos sem identificação são registrados pelo canal api."];
        }

        if (!staff)
        {
            channel = Channel.Api;
            if (!string.IsNullOrWhiteSpace(taxIdText))
            {
                errors["requesterTaxId"] = ["Somente a equipe de atendimento, identificada, registra o CPF/CNPJ do solicitante (ele entra no registro de atendimento do regulador)."];
                taxIdText = null;
            }
        }

        TaxId? taxId = null;
        if (!string.IsNullOrWhiteSpace(taxIdText))
        {
            if (TaxId.TryParse(taxIdText, out var parsedTaxId, out _))
            {
                taxId = parsedTaxId;
            }
            else
            {
                errors["requesterTaxId"] = ["CPF ou CNPJ inválido (confira os dígitos verificadores)."];
            }
        }

        var uf = ReadUf(ufText, errors);

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        try
        {
            return (new NewTicket(subject!, description!, requester, name, channel, now) { RequesterTaxId = taxId, Uf = uf }, errors);
        }
        catch (DomainException ex)
        {
            errors["$"] = [ex.Message];
            return (null, errors);
        }
    }

    /// <summary>An optional UF from a request field or query parameter named <c>uf</c>: null when blank; a problem
    /// under <c>uf</c> when it is not one of the 27.</summary>
    internal static Uf? ReadUf(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uf.TryParse(text, out var uf))
        {
            return uf;
        }

        errors["uf"] = ["UF desconhecida: use uma das 27 siglas (por exemplo DF, SP)."];
        return null;
    }

    private static bool TryParseChannel(string text, out Channel channel) =>
        Enum.TryParse(text, ignoreCase: true, out channel) && Enum.IsDefined(channel) && !int.TryParse(text, out _);

    private static string? ReadString(JsonElement root, string name, bool required, int maxLength, Dictionary<string, string[]> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors[name] = ["Campo obrigatório."];
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = ["Deve ser um texto."];
            return null;
        }

        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors[name] = ["Campo obrigatório."];
            return null;
        }

        if (text.Length > maxLength)
        {
            errors[name] = [$"Deve ter no máximo {maxLength} caracteres."];
            return null;
        }

        return text;
    }
}
