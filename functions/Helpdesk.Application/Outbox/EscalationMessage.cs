using System.Text.Json;

namespace Helpdesk.Application.Outbox;

/// <summary>The body of an <see cref="Queues.Escalations"/> message: one hand-off from level 1 to level 2, written with
/// the ticket's Escalated event. <see cref="RequestedGroup"/> is the group the agent named (null: let the routing rules
/// choose); <see cref="Automatic"/> is true for the deadline sweep's escalations (reason "prazo").</summary>
public sealed record EscalationMessage(Guid OutboxId, string TicketId, string Protocol, string Reason, string? RequestedGroup, bool Automatic)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public OutboxMessage ToOutbox(DateTimeOffset now) => new(OutboxId, Queues.Escalations, ToJson(), now);

    /// <summary>Reads a hand-off; a body without a required field is rejected (<see cref="JsonException"/> naming it), so
    /// that the queue retries it and finally dead-letters it with that reason.</summary>
    public static EscalationMessage FromJson(string json)
    {
        var message = JsonSerializer.Deserialize<EscalationMessage>(json, JsonDefaults.Options) ?? throw new JsonException("empty escalation message");
        var missing = new List<string>();
        if (message.OutboxId == Guid.Empty)
        {
            missing.Add("outboxId");
        }

        foreach (var (name, value) in new[] { ("ticketId", message.TicketId), ("protocol", message.Protocol), ("reason", message.Reason) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            throw new JsonException("escalation message without " + string.Join(", ", missing));
        }

        return Guid.TryParseExact(message.TicketId, "N", out _) ? message : throw new JsonException("escalation message with a malformed ticketId");
    }
}
