namespace Helpdesk.Application.Intake;

public enum IntakeOutcome
{
    /// <summary>A new ticket was opened.</summary>
    Created,

    /// <summary>The message joined an existing ticket's thread.</summary>
    Threaded,

    /// <summary>The message answered a resolved ticket within the reopening window: it joined and reopened it.</summary>
    Reopened,

    /// <summary>The same message was already received; nothing changed.</summary>
    Duplicate,

    /// <summary>The message must not open a ticket (auto-reply, bounce, list traffic, no sender).</summary>
    Ignored,
}

public sealed record IntakeResult(IntakeOutcome Outcome, string? Protocol, string? Reason);
