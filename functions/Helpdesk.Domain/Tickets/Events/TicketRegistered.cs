namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket was registered with its protocol. <see cref="ReceivedAt"/> is when the request reached us
/// (the e-mail's arrival); the event's own instant is the registration.</summary>
public sealed record TicketRegistered(
    string Protocol,
    string Subject,
    string RequesterEmail,
    string? RequesterName,
    Channel Channel,
    DateTimeOffset ReceivedAt) : TicketEventData
{
    public override string Kind => "registered";
}
