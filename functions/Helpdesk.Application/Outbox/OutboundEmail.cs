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
    /// <summary>Files sent with the e-mail (an agent's reply), read from the content store by the sender.</summary>
    public IReadOnlyList<OutboundAttachment> Attachments { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    /// <summary>Reads a queued e-mail; a body that lacks any required field is rejected (<see cref="JsonException"/> naming it)
    /// rather than half-sent, so that the queue retries it and finally dead-letters it with that reason.</summary>
    public static OutboundEmail FromJson(string json)
    {
        var email = JsonSerializer.Deserialize<OutboundEmail>(json, JsonDefaults.Options) ?? throw new JsonException("empty outbound e-mail");
        var missing = new List<string>();
        if (email.OutboxId == Guid.Empty)
        {
            missing.Add("outboxId");
        }

        foreach (var (name, value) in new[] { ("ticketId", email.TicketId), ("protocol", email.Protocol), ("messageId", email.MessageId), ("to", email.To), ("subject", email.Subject), ("text", email.Text), ("purpose", email.Purpose) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }

        return missing.Count == 0
            ? email with { References = email.References ?? [], Attachments = email.Attachments ?? [] }
            : throw new JsonException("outbound e-mail without " + string.Join(", ", missing));
    }
}
