namespace Helpdesk.Application.Outbox;

/// <summary>A file to send with an <see cref="OutboundEmail"/>: the queue message carries only its name, type, size and
/// SHA-256; the sending adapter reads the bytes from the content store (<c>sha256/{Sha256}</c>).</summary>
public sealed record OutboundAttachment(string Name, string ContentType, long Size, string Sha256)
{
    public string ContentKey => "sha256/" + Sha256;
}
