namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A message from the requester joined the ticket (the first one opens it).</summary>
public sealed record MessageReceived(
    string? MessageId,
    string From,
    string Subject,
    string Text,
    string? Html,
    DateTimeOffset ReceivedAt,
    int AttachmentCount) : TicketEventData
{
    public override string Kind => "messageReceived";
}
