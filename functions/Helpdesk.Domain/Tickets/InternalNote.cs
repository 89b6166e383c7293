namespace Helpdesk.Domain.Tickets;

/// <summary>A note between agents on a ticket (never e-mailed).</summary>
public sealed record InternalNote(int Sequence, DateTimeOffset At, string Author, string Text);
