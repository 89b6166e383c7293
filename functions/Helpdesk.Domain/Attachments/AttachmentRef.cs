using System.Text.Json.Serialization;

namespace Helpdesk.Domain.Attachments;

/// <summary>
/// A file kept with a message (received or sent): <see cref="Id"/> names it on the ticket, <see cref="Name"/> is the
/// file name as the sender's client wrote it (decoded, made safe: never a path), <see cref="Sha256"/> (lower-case hex)
/// addresses its bytes in the content store. <see cref="ContentId"/> is the MIME <c>Content-ID</c> an HTML body
/// refers to with <c>cid:</c>; <see cref="Inline"/> marks a part meant to be shown inside the body.
/// </summary>
public sealed record AttachmentRef(
    string Id,
    string Name,
    string ContentType,
    long Size,
    string Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ContentId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Inline = false)
{
    /// <summary>The content store key of the bytes (<c>sha256/{hex}</c>).</summary>
    [JsonIgnore]
    public string ContentKey => "sha256/" + Sha256;
}
