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

    /// <summary>The message threads into a ticket by its headers but its sender is not one of the ticket's correspondents:
    /// it was recorded as an internal note for the agent and changed nothing else (no reopening, no resumption).</summary>
    Noted,

    /// <summary>The message is an automatic answer (auto-reply, out-of-office) or our own mail: never a ticket, never answered.</summary>
    Ignored,

    /// <summary>The message cannot become a ticket by itself (automatic or <c>noreply</c> sender, no usable sender, a
    /// guessed sender, a bounce that matches no ticket): it is kept for a supervisor.</summary>
    Held,

    /// <summary>A delivery report for a message a ticket sent: recorded on that ticket ("não entregue").</summary>
    Undelivered,

    /// <summary>The caller used this idempotency key before for a request with another body: nothing was registered
    /// (HTTP 422). A key is the caller's own, so no other caller can claim it first.</summary>
    IdempotencyConflict,

    /// <summary>Another delivery claimed this message moments ago and its ticket is not written yet: retry later.</summary>
    InProgress,
}

public sealed record IntakeResult(IntakeOutcome Outcome, string? Protocol, string? Reason);
