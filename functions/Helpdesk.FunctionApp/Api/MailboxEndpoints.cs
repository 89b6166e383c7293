using Helpdesk.Application.Intake;
using Helpdesk.Infrastructure.Mail;
using Microsoft.AspNetCore.Http.Features;

namespace Helpdesk.FunctionApp.Api;

/// <summary><c>POST /api/mailbox/messages</c>: a mail system hands over one raw RFC 822 message.</summary>
public static class MailboxEndpoints
{
    /// <summary>Largest message accepted (bytes); larger ones get 413 and are not stored.</summary>
    public const long MaxMessageBytes = 35L * 1024 * 1024;

    public static void MapMailboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/mailbox/messages", ReceiveAsync).WithTags("Mailbox").WithName("ReceiveMessage");
    }

    internal static async Task<IResult> ReceiveAsync(HttpContext context, TicketIntake intake, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "message/rfc822", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType("Envie a mensagem bruta com Content-Type: message/rfc822.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxMessageBytes;
        }

        if (request.ContentLength > MaxMessageBytes)
        {
            return Problems.TooLarge($"A mensagem excede o limite de {MaxMessageBytes / (1024 * 1024)} MB.");
        }

        var receivedAt = clock.GetUtcNow();
        Domain.Mail.InboundEmail email;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (buffer.Length == 0)
            {
                return Problems.BadRequest("O corpo está vazio: envie uma mensagem RFC 822.");
            }

            buffer.Position = 0;
            email = await MimeMessageParser.ParseAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge($"A mensagem excede o limite de {MaxMessageBytes / (1024 * 1024)} MB.");
        }
        catch (UnreadableMessageException)
        {
            return Problems.BadRequest("O corpo não é uma mensagem de e-mail (RFC 822) legível.");
        }

        var result = await intake.ReceiveEmailAsync(email, receivedAt, cancellationToken).ConfigureAwait(false);
        return ToResult(context, result);
    }

    /// <summary>Seconds a sender waits before retrying a message whose Message-ID another delivery is registering.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>The text of the 503 answered while another delivery of the same message is being registered.</summary>
    public const string InProgressDetail = "Outra entrega desta mensagem está sendo registrada e o chamado ainda não existe; reenvie a mensagem mais tarde.";

    internal static IResult ToResult(HttpContext context, IntakeResult result) => result.Outcome switch
    {
        IntakeOutcome.InProgress => Problems.RetryLater(context, InProgressDetail, RetryAfterSeconds),
        IntakeOutcome.Held => Results.Accepted(value: new { protocol = (string?)null, outcome = "held", reason = result.Reason }),
        IntakeOutcome.Undelivered => Results.Ok(new { protocol = result.Protocol, outcome = "undelivered" }),
        IntakeOutcome.Created => Results.Created("/api/tickets/" + result.Protocol, new { protocol = result.Protocol, outcome = "created" }),
        IntakeOutcome.Threaded => Results.Ok(new { protocol = result.Protocol, outcome = "threaded" }),
        IntakeOutcome.Reopened => Results.Ok(new { protocol = result.Protocol, outcome = "reopened" }),
        IntakeOutcome.Noted => Results.Ok(new { protocol = result.Protocol, outcome = "noted" }),
        IntakeOutcome.Duplicate => Results.Ok(new { protocol = result.Protocol, outcome = "duplicate" }),
        _ => Results.Accepted(value: new { protocol = (string?)null, outcome = "ignored", reason = result.Reason }),
    };
}
