using Helpdesk.Application.Content;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Attachments;
using Helpdesk.Domain.Mail;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Attachments;

/// <summary>
/// The intake's attachment step (issue 20): every attachment and inline part of an incoming message is either kept
/// (written once to the content store, addressed by its SHA-256, so the same bytes sent twice are stored once) or
/// refused with a reason: a blocked extension, over the per-file limit, or over what is left of the per-message limit.
/// Names are made safe (<see cref="AttachmentNames"/>); a part the reader could not decode is kept as it came.
/// </summary>
public sealed class AttachmentKeeper(IContentStore content, IOptions<AttachmentOptions> options)
{
    private const string OctetStream = "application/octet-stream";

    public async Task<MessageAttachments> KeepAsync(string messageId, IReadOnlyList<InboundAttachment> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            return MessageAttachments.None;
        }

        var limits = options.Value;
        var kept = new List<AttachmentRef>();
        var refused = new List<RefusedAttachment>();
        long total = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var contentType = string.IsNullOrWhiteSpace(part.ContentType) ? OctetStream : part.ContentType.Trim().ToLowerInvariant();
            var name = AttachmentNames.Safe(part.FileName, contentType, i + 1);
            var size = part.Content.Length;
            var reason = Refusal(limits, name, size, total);
            if (reason is not null)
            {
                refused.Add(new RefusedAttachment(name, size, reason));
                continue;
            }

            var key = await content.PutAsync(part.Content, contentType, cancellationToken).ConfigureAwait(false);
            var sha256 = ContentKeys.Digest(key);
            total += size;
            kept.Add(new AttachmentRef(AttachmentIds.For(messageId, i + 1, sha256), name, contentType, size, sha256, NormalizeContentId(part.ContentId), part.Inline));
        }

        return new MessageAttachments(kept, refused);
    }

    /// <summary>Why a file of <paramref name="size"/> bytes named <paramref name="name"/> is not kept, or null.</summary>
    public static string? Refusal(AttachmentOptions limits, string name, long size, long alreadyKept)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.IsBlocked(name))
        {
            return $"tipo de arquivo bloqueado ({AttachmentNames.Extension(name)})";
        }

        if (size > limits.MaxFileBytes)
        {
            return $"excede o limite de {AttachmentOptions.Readable(limits.MaxFileBytes)} por arquivo";
        }

        return alreadyKept + size > limits.MaxMessageBytes
            ? $"excede o limite de {AttachmentOptions.Readable(limits.MaxMessageBytes)} de anexos por mensagem"
            : null;
    }

    private static string? NormalizeContentId(string? contentId) =>
        string.IsNullOrWhiteSpace(contentId) ? null : contentId.Trim().Trim('<', '>').Trim();
}
