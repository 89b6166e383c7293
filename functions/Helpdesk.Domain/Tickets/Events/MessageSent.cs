using System.Text.Json.Serialization;
using Helpdesk.Domain.Attachments;

namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A message to the requester was queued for sending (acknowledgment, reply, survey).
/// <see cref="Purpose"/> is e.g. <c>acknowledgment</c>; <see cref="Attachments"/> the files an agent sent with it.</summary>
public sealed record MessageSent(
    string MessageId,
    string To,
    string Subject,
    string Text,
    string Purpose,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AttachmentRef>? Attachments = null) : TicketEventData
{
    public override string Kind => "messageSent";
}
