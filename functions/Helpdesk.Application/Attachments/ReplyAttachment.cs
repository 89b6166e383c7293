namespace Helpdesk.Application.Attachments;

/// <summary>A file an agent attaches to a reply: the content id an upload answered (the SHA-256 of the bytes, lower-case
/// hex), the file name to send and, optionally, its content type (default: <c>application/octet-stream</c>).</summary>
public sealed record ReplyAttachment(string? ContentId, string? Name, string? ContentType);
