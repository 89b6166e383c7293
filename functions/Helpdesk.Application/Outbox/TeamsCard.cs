using System.Text.Json;
using Helpdesk.Application.Notifications;

namespace Helpdesk.Application.Outbox;

/// <summary>The body of a <see cref="Queues.TeamsNotifications"/> message: one card, fully composed when the ticket change
/// that causes it is written, posted at most once per outbox id (a crash between the post and its record may post twice).</summary>
public sealed record TeamsCard(Guid OutboxId, GroupNotification Notification)
{
    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.Options);

    public OutboxMessage ToOutbox(DateTimeOffset now) => new(OutboxId, Queues.TeamsNotifications, ToJson(), now);

    public static TeamsCard FromJson(string json)
    {
        var card = JsonSerializer.Deserialize<TeamsCard>(json, JsonDefaults.Options) ?? throw new JsonException("empty Teams card");
        var n = card.Notification;
        var missing = new List<string>();
        if (card.OutboxId == Guid.Empty)
        {
            missing.Add("outboxId");
        }

        if (n is null)
        {
            missing.Add("notification");
        }
        else
        {
            foreach (var (name, value) in new[] { ("kind", n.Kind), ("protocol", n.Protocol), ("subject", n.Subject), ("group", n.Group) })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    missing.Add("notification." + name);
                }
            }

            if (n.TicketLink is null)
            {
                missing.Add("notification.ticketLink");
            }
        }

        return missing.Count == 0 ? card : throw new JsonException("Teams card without " + string.Join(", ", missing));
    }
}
