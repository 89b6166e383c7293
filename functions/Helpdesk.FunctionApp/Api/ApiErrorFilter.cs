using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.FunctionApp.Api;

/// <summary>Maps the use cases' exceptions to problem details: 404 not found, 403 denied, 412 stale version,
/// 409 illegal move, 400 bad input naming the field.</summary>
public sealed class ApiErrorFilter : IEndpointFilter
{
    /// <summary>Domain error codes that mean "not in this state" (409) rather than bad input (400).</summary>
    private static readonly HashSet<string> ConflictCodes = new(StringComparer.Ordinal)
    {
        TicketErrors.IllegalTransition,
        TicketErrors.MergeTargetNotActive,
        TicketErrors.MergeIntoItself,
        TicketErrors.FirstContactAfterEscalation,
        TicketErrors.FirstContactAfterReopening,
        TicketErrors.SurveyAlreadyAnswered,
        TicketErrors.SurveyNotResolved,
        TicketErrors.ForwardNotAtLevel2,
        TicketErrors.ForwardAlreadyAtExternalTeam,
        TicketErrors.ReturnNotForwarded,
        TicketErrors.ResolveAtExternalTeam,
    };

    /// <summary>The request field each input error code is about.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        [TicketErrors.ReasonRequired] = "reason",
        [TicketErrors.TextRequired] = "text",
        [TicketErrors.TextTooLong] = "text",
        [TicketErrors.EscalationTargetNotLevel2] = "group",
        [TicketErrors.GroupLevelMismatch] = "group",
        [TicketErrors.CodeRequired] = "category",
        [TicketErrors.ForwardReferenceRequired] = "reference",
        [TicketErrors.ForwardTeamUnknown] = "team",
        [TicketErrors.ReturnNoteTooLong] = "note",
        ["catalogue.group.unknown"] = "group",
        ["catalogue.group.required"] = "group",
        ["catalogue.category.unknown"] = "category",
        ["catalogue.priority.unknown"] = "priority",
        ["knowledge.title.invalid"] = "title",
        ["knowledge.body.invalid"] = "body",
        ["knowledge.tags.invalid"] = "tags",
        ["knowledge.reply.unknown"] = "messageId",
        ["institution.domain.invalid"] = "domain",
        ["institution.name.invalid"] = "name",
        ["taxId.invalid"] = "requesterTaxId",
        [Uf.ErrorCode] = "uf",
        [Application.Attachments.AttachmentUploads.ErrorCode] = "attachments",
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (TicketNotFoundException ex)
        {
            return Problems.NotFound($"Não existe chamado com o protocolo '{ex.Protocol}'.");
        }
        catch (AccessDeniedException ex)
        {
            return Problems.Forbidden("Seu perfil não permite esta ação. " + ex.Message);
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.PreconditionFailed("Outra pessoa alterou o recurso depois da sua leitura: leia de novo e refaça a operação. " + ex.Message);
        }
        catch (CatalogueException ex)
        {
            return Problems.Validation(ex.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }
        catch (DomainException ex) when (ConflictCodes.Contains(ex.Code))
        {
            return Problems.Conflict(ex.Message, ex.Code);
        }
        catch (DomainException ex)
        {
            return Problems.Validation(new Dictionary<string, string[]> { [Fields.GetValueOrDefault(ex.Code, "$")] = [ex.Message] });
        }
        catch (ArgumentException ex) when (ex.ParamName == "token")
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["pageToken"] = ["Token de página inválido: use o nextPageToken da página anterior."] });
        }
    }
}
