namespace Helpdesk.Domain.Tickets.Events;

/// <summary>A delivery report said that the message <see cref="MessageId"/> the service desk sent on this ticket did not
/// reach its recipient ("não entregue"). <see cref="Status"/> is the report's status (e.g. <c>5.1.1</c>), if it gave one.</summary>
public sealed record MessageUndelivered(string MessageId, string? Status) : TicketEventData
{
    public override string Kind => "messageUndelivered";
}
