using System.Text;
using Helpdesk.Application.Attachments;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Attachments;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Identity;
using Helpdesk.FunctionApp.Web;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.FunctionApp.Api;

/// <summary>
/// Files on tickets (issue 20): <c>GET /api/tickets/{protocol}/attachments/{id}</c> downloads one to any role that may
/// read the ticket, always as a download (<c>Content-Disposition: attachment</c>, RFC 6266 with the UTF-8
/// <c>filename*</c>), with <c>X-Content-Type-Options: nosniff</c> and <c>Content-Security-Policy: sandbox</c>, so that an
/// HTML or SVG file never runs as the app's page; a file the malware scan found malicious is refused.
/// <c>GET .../attachments/{id}/inline</c> serves an inline image to the sandboxed mail frame behind a signed link.
/// <c>POST /api/tickets/{protocol}/uploads</c> stores files for a reply and answers their content ids.
/// </summary>
public static class AttachmentEndpoints
{
    /// <summary>The response's CSP: the document is sandboxed (no scripts, an opaque origin) and may load nothing.</summary>
    public const string DownloadPolicy = "sandbox; default-src 'none'";

    /// <summary>The header saying what the malware scan said (<c>not-scanned</c>, <c>pending</c>, <c>clean</c>).</summary>
    public const string ScanHeader = "X-Malware-Scan";

    private static readonly HashSet<string> InlineImageTypes = new(StringComparer.OrdinalIgnoreCase) { "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp" };

    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Attachments");
        group.MapGet("/{protocol}/attachments/{id}", DownloadAsync).RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>()
            .WithName("DownloadAttachment").WithSummary("Downloads a file of a ticket's message (always as an attachment; refused when the malware scan found it malicious).")
            .Produces(200, contentType: "application/octet-stream").ProducesProblem(403).ProducesProblem(404);
        group.MapGet("/{protocol}/attachments/{id}/inline", InlineAsync).AllowAnonymous()
            .WithName("InlineAttachmentImage").WithSummary("An inline image of a message for the sanitized mail frame, behind a signed, short-lived link.")
            .Produces(200, contentType: "image/png").ProducesProblem(404);
        group.MapPost("/{protocol}/uploads", UploadAsync).RequireAuthorization(AgentApi.StaffPolicy).AddEndpointFilter<ApiErrorFilter>().AddEndpointFilter<CrossSiteWriteFilter>()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(UploadRequestBytes)).DisableAntiforgery()
            .WithName("UploadReplyFiles").WithSummary("Stores files (multipart/form-data, any field name) for a reply; answers their content ids for POST /replies.")
            .Accepts<IFormFileCollection>("multipart/form-data").Produces<UploadsResponse>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);
    }

    /// <summary>The largest upload request: the default per-message limit plus room for the multipart framing.</summary>
    public const long UploadRequestBytes = Application.Attachments.AttachmentOptions.DefaultLimitBytes + (1024 * 1024);

    internal static async Task<IResult> DownloadAsync(string protocol, string id, HttpContext context, TicketActions actions, IContentStore content, IMalwareScanResults scans, CancellationToken cancellationToken)
    {
        var (ticket, attachment) = await FindAsync(protocol, id, context, actions, cancellationToken).ConfigureAwait(false);
        if (attachment is null)
        {
            return Problems.NotFound(ticket is null ? $"Não existe chamado com o protocolo '{protocol}'." : $"O chamado {protocol} não tem o anexo '{id}'.");
        }

        var verdict = await scans.VerdictAsync(attachment.ContentKey, cancellationToken).ConfigureAwait(false);
        if (verdict == MalwareVerdict.Malicious)
        {
            return Problems.Forbidden($"O anexo '{attachment.Name}' foi identificado como malicioso pela verificação antimalware e não pode ser baixado.");
        }

        var bytes = await content.GetAsync(attachment.ContentKey, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return Problems.NotFound($"O conteúdo do anexo '{attachment.Name}' não está mais disponível.");
        }

        var headers = context.Response.Headers;
        headers[HeaderNames.ContentDisposition] = ContentDisposition("attachment", attachment.Name);
        headers[ScanHeader] = ScanValue(verdict);
        headers.CacheControl = "private, no-store";
        SandboxHeaders(context);
        return Results.Bytes(bytes, attachment.ContentType);
    }

    internal static async Task<IResult> InlineAsync(string protocol, string id, string? expires, string? signature, HttpContext context, ITicketStore store, IContentStore content, IMalwareScanResults scans, InlineImageLinks links, CancellationToken cancellationToken)
    {
        if (!links.IsValid(protocol, id, expires, signature) || !ProtocolNumber.TryParse(protocol, out var number))
        {
            return Problems.NotFound("Link de imagem inválido ou expirado: recarregue a página do chamado.");
        }

        var attachment = (await store.FindByProtocolAsync(number, cancellationToken).ConfigureAwait(false))?.FindAttachment(id);
        if (attachment is null || !InlineImageTypes.Contains(attachment.ContentType)
            || await scans.VerdictAsync(attachment.ContentKey, cancellationToken).ConfigureAwait(false) == MalwareVerdict.Malicious
            || await content.GetAsync(attachment.ContentKey, cancellationToken).ConfigureAwait(false) is not { } bytes)
        {
            return Problems.NotFound("Imagem não encontrada.");
        }

        context.Response.Headers[HeaderNames.ContentDisposition] = ContentDisposition("inline", attachment.Name);
        context.Response.Headers.CacheControl = "private, max-age=300";
        SandboxHeaders(context);
        return Results.Bytes(bytes, attachment.ContentType);
    }

    internal static async Task<IResult> UploadAsync(string protocol, HttpContext context, TicketActions actions, AttachmentUploads uploads, CancellationToken cancellationToken)
    {
        if (!ProtocolNumber.TryParse(protocol, out var number))
        {
            return Problems.NotFound($"Não existe chamado com o protocolo '{protocol}'.");
        }

        var agent = Agents.Current(context.User)!;
        if (!agent.CanWorkTickets)
        {
            return Problems.Forbidden("Seu perfil não permite esta ação. Enviar arquivos numa resposta exige o perfil de atendente, supervisor ou administrador.");
        }

        _ = await actions.GetAsync(number, agent, cancellationToken).ConfigureAwait(false);
        if (!context.Request.HasFormContentType)
        {
            return Problems.UnsupportedMediaType("Envie os arquivos como multipart/form-data.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        if (form.Files.Count == 0)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["files"] = ["Envie ao menos um arquivo."] });
        }

        var stored = new List<UploadedFile>();
        foreach (var file in form.Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            try
            {
                stored.Add(await uploads.UploadAsync(file.FileName, file.ContentType, buffer.ToArray(), cancellationToken).ConfigureAwait(false));
            }
            catch (Domain.Common.DomainException ex)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["files"] = [ex.Message] });
            }
        }

        return Results.Created((string?)null, new UploadsResponse(stored));
    }

    /// <summary>The ticket (null: none, or not readable: the filter answers 403) and the attachment (null: none).</summary>
    private static async Task<(Ticket? Ticket, AttachmentRef? Attachment)> FindAsync(string protocol, string id, HttpContext context, TicketActions actions, CancellationToken cancellationToken)
    {
        if (!ProtocolNumber.TryParse(protocol, out var number))
        {
            return (null, null);
        }

        var ticket = await actions.GetAsync(number, Agents.Current(context.User)!, cancellationToken).ConfigureAwait(false);
        return (ticket, AttachmentIds.IsWellFormed(id) ? ticket.FindAttachment(id) : null);
    }

    private static void SandboxHeaders(HttpContext context)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = DownloadPolicy;
    }

    private static string ScanValue(MalwareVerdict verdict) => verdict switch
    {
        MalwareVerdict.Clean => "clean",
        MalwareVerdict.Pending => "pending",
        _ => "not-scanned",
    };

    /// <summary>RFC 6266: an ASCII <c>filename</c> fallback (other characters as <c>_</c>, quotes and backslashes
    /// escaped) and the exact name as <c>filename*=UTF-8''</c> percent-encoded (RFC 8187).</summary>
    public static string ContentDisposition(string type, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var ascii = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            ascii.Append(c is >= ' ' and < (char)127 ? c is '"' or '\\' ? '_' : c : '_');
        }

        var encoded = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            encoded.Append(char.IsAsciiLetterOrDigit(c) || "!#$&+-.^_`|~".Contains(c, StringComparison.Ordinal) ? c : "%" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return $"{type}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}";
    }
}

/// <summary>What an upload stored: each file's content id (to name in a reply's <c>attachments</c>), safe name, type,
/// size and SHA-256.</summary>
public sealed record UploadsResponse(IReadOnlyList<UploadedFile> Uploads);
