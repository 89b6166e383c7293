namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A message to the requester was queued for sending (acknowledgment, reply, survey).
/// <see cref="Purpose"/> is e.g. <c>acknowledgment</c>.</summary>
public sealed record MessageSent(
    string MessageId,
    string To,
    string Subject,
    string Text,
    string Purpose) : TicketEventData
{
    public override string Kind => "messageSent";
}
