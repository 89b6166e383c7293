using Helpdesk.Application.Content;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Attachments;
using Helpdesk.Domain.Common;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Attachments;

/// <summary>A file stored for a reply: <see cref="ContentId"/> is what the reply names (the SHA-256, lower-case hex).</summary>
public sealed record UploadedFile(string ContentId, string Name, string ContentType, long Size, string Sha256);

/// <summary>
/// Files agents send (issue 20): an upload stores the bytes content-addressed (write-once) and answers their content
/// id; a reply names content ids, which are checked here (known content, safe and allowed name, per-file and
/// per-message limits) before anything is queued. The error code <see cref="ErrorCode"/> is reported under the
/// request field <c>attachments</c>.
/// </summary>
public sealed class AttachmentUploads(IContentStore content, IOptions<AttachmentOptions> options)
{
    public const string ErrorCode = "ticket.reply.attachments";

    public async Task<UploadedFile> UploadAsync(string? fileName, string? contentType, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var type = ContentTypeOf(contentType);
        var name = AttachmentNames.Safe(fileName, type, 1);
        if (bytes.Length == 0)
        {
            throw new DomainException(ErrorCode, $"O arquivo '{name}' está vazio.");
        }

        if (AttachmentKeeper.Refusal(options.Value, name, bytes.Length, 0) is { } reason)
        {
            throw new DomainException(ErrorCode, $"O arquivo '{name}' não foi aceito: {reason}.");
        }

        var key = await content.PutAsync(bytes, type, cancellationToken).ConfigureAwait(false);
        var sha256 = ContentKeys.Digest(key);
        return new UploadedFile(sha256, name, type, bytes.Length, sha256);
    }

    /// <summary>The files of a reply, checked; throws <see cref="DomainException"/> (<see cref="ErrorCode"/>) naming the
    /// first problem.</summary>
    public async Task<IReadOnlyList<UploadedFile>> ResolveAsync(IReadOnlyList<ReplyAttachment>? attachments, CancellationToken cancellationToken)
    {
        var files = new List<UploadedFile>();
        long total = 0;
        foreach (var (attachment, position) in (attachments ?? []).Select((a, i) => (a, i + 1)))
        {
            var id = attachment?.ContentId?.Trim().ToLowerInvariant() ?? string.Empty;
            if (id.Length != 64 || !id.All(char.IsAsciiHexDigitLower))
            {
                throw new DomainException(ErrorCode, $"Anexo {position}: informe o contentId devolvido pelo envio do arquivo (64 dígitos hexadecimais).");
            }

            if (string.IsNullOrWhiteSpace(attachment!.Name))
            {
                throw new DomainException(ErrorCode, $"Anexo {position}: informe o nome do arquivo (name).");
            }

            var type = ContentTypeOf(attachment.ContentType);
            var name = AttachmentNames.Safe(attachment.Name, type, position);
            var bytes = await content.GetAsync("sha256/" + id, cancellationToken).ConfigureAwait(false)
                ?? throw new DomainException(ErrorCode, $"Anexo {position}: nenhum arquivo enviado tem o contentId '{id}'; envie-o de novo.");
            if (AttachmentKeeper.Refusal(options.Value, name, bytes.Length, total) is { } reason)
            {
                throw new DomainException(ErrorCode, $"O anexo '{name}' não pode ser enviado: {reason}.");
            }

            total += bytes.Length;
            files.Add(new UploadedFile(id, name, type, bytes.Length, id));
        }

        return files;
    }

    private static string ContentTypeOf(string? contentType)
    {
        var type = (contentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        return type.Length > 0 && type.Contains('/', StringComparison.Ordinal) && type.Length <= 127 ? type : "application/octet-stream";
    }
}
