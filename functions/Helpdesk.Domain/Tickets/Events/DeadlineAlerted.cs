namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The deadline sweep told people that the resolution deadline <see cref="DueAt"/> reached
/// <see cref="Stage"/> (the notification is in the outbox of the same write). Recorded once per stage and deadline, so
/// that a second sweep does nothing new; a new deadline (reclassification, reopening) can be alerted again.</summary>
public sealed record DeadlineAlerted(DeadlineStage Stage, DateTimeOffset DueAt) : TicketEventData
{
    public override string Kind => "deadlineAlerted";
}
