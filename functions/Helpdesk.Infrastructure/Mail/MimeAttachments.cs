using Helpdesk.Domain.Mail;
using MimeKit;

namespace Helpdesk.Infrastructure.Mail;

/// <summary>
/// Every attachment and inline part of a MIME message with its decoded bytes (issue 20). A part is the message's body,
/// and not an attachment, only when it is text with neither an attachment disposition nor a file name; everything else
/// (images, documents, attached messages, text files with a name) is returned. File names are MimeKit's, which decodes
/// RFC 2231 (<c>filename*=utf-8''...</c>) and RFC 2047 (<c>=?utf-8?B?...?=</c>) encodings. A part whose transfer
/// encoding cannot be decoded is returned with its raw bytes and marked unreadable.
/// </summary>
public static class MimeAttachments
{
    public static IReadOnlyList<InboundAttachment> Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Body is MultipartReport)
        {
            return []; // a delivery report: its parts describe a failed delivery, not files of a requester
        }

        var parts = new List<InboundAttachment>();
        foreach (var entity in message.BodyParts)
        {
            switch (entity)
            {
                case MessagePart attached when attached.Message is not null:
                    using (var buffer = new MemoryStream())
                    {
                        attached.Message.WriteTo(buffer);
                        var name = attached.ContentDisposition?.FileName ?? attached.Message.Subject;
                        parts.Add(new InboundAttachment(string.IsNullOrWhiteSpace(name) ? null : name + (name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase) ? string.Empty : ".eml"), "message/rfc822", attached.ContentId, IsInline(attached), buffer.ToArray()));
                    }

                    break;
                case MimePart part when !IsBody(part):
                    parts.Add(Read(part));
                    break;
            }
        }

        return parts;
    }

    private static bool IsBody(MimePart part) =>
        part is TextPart && !part.IsAttachment && string.IsNullOrEmpty(part.FileName);

    private static bool IsInline(MimeEntity entity) =>
        entity.ContentDisposition is { } disposition ? !disposition.IsAttachment : !string.IsNullOrEmpty(entity.ContentId);

    private static InboundAttachment Read(MimePart part)
    {
        var contentType = part.ContentType.MimeType;
        using var decoded = new MemoryStream();
        var unreadable = false;
        try
        {
            part.Content?.DecodeTo(decoded);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException)
        {
            decoded.SetLength(0);
            if (part.Content?.Stream is { } raw)
            {
                raw.Seek(0, SeekOrigin.Begin);
                raw.CopyTo(decoded);
            }

            unreadable = true;
        }

        return new InboundAttachment(part.FileName, contentType, part.ContentId, IsInline(part), decoded.ToArray()) { Unreadable = unreadable };
    }
}
