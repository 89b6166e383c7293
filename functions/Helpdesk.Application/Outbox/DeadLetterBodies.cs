using System.Text.Json;

namespace Helpdesk.Application.Outbox;

/// <summary>The two facts a supervisor may see of a dead letter's body, read the same way by every
/// <see cref="Ports.IDeadLetterQueue"/>: the ticket protocol and the outbox id. Nothing else of the body leaves here.</summary>
public static class DeadLetterBodies
{
    public static string? ProtocolOf(string body) => StringProperty(body, "protocol");

    /// <summary>The outbox id carried in the body (<c>outboxId</c>, as in <see cref="OutboundEmail"/>); null when absent.</summary>
    public static Guid? OutboxIdOf(string body) =>
        Guid.TryParse(StringProperty(body, "outboxId"), out var id) && id != Guid.Empty ? id : null;

    private static string? StringProperty(string body, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
