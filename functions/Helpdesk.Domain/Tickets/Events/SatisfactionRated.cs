namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The requester answered the satisfaction survey (0–10; ANS item 3 counts 8 or more as satisfied).</summary>
public sealed record SatisfactionRated(int Score, string? Comment) : TicketEventData
{
    public override string Kind => "satisfactionRated";
}
