namespace Helpdesk.Domain.Mail;

/// <summary>
/// One attachment or inline part of an incoming message, as the mail reader found it: the file name the sender's
/// client wrote (decoded; may be empty or a path: the intake makes it safe), the declared content type, the MIME
/// <c>Content-ID</c> an HTML body refers to, whether it is shown inline, and the decoded bytes. <see cref="Unreadable"/>
/// marks a part whose transfer encoding could not be decoded (its raw bytes are kept as they came).
/// </summary>
public sealed record InboundAttachment(string? FileName, string ContentType, string? ContentId, bool Inline, ReadOnlyMemory<byte> Content)
{
    public bool Unreadable { get; init; }
}
