using System.Text.Json.Serialization;
using Helpdesk.Domain.Attachments;

namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A message from the requester joined the ticket (the first one opens it). <see cref="Attachments"/> are the
/// files kept with it (content-addressed); <see cref="RefusedAttachments"/> the parts that were not (issue 20).</summary>
public sealed record MessageReceived(
    string? MessageId,
    string From,
    string Subject,
    string Text,
    string? Html,
    DateTimeOffset ReceivedAt,
    int AttachmentCount,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AttachmentRef>? Attachments = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RefusedAttachment>? RefusedAttachments = null) : TicketEventData
{
    public override string Kind => "messageReceived";
}
