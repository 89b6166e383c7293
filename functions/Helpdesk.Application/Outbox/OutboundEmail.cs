using System.Text.Json;

namespace Helpdesk.Application.Outbox;

/// <summary>The body of an <see cref="Queues.OutboundMail"/> message: one e-mail to send, fully composed.</summary>
public sealed record OutboundEmail(
    Guid OutboxId,
    string TicketId,
    string Protocol,
    string MessageId,
    string To,
    string Subject,
    string Text,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string Purpose)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public static OutboundEmail FromJson(string json) =>
        JsonSerializer.Deserialize<OutboundEmail>(json, JsonDefaults.Options) ?? throw new JsonException("empty outbound e-mail");
}
