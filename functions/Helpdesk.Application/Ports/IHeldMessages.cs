namespace Helpdesk.Application.Ports;

/// <summary>
/// A message the intake could not turn into a ticket by itself (an automatic or <c>noreply</c> sender, no usable
/// sender, a sender repaired only by a guess, a bounce that matches no ticket), kept for a supervisor. <see cref="Id"/>
/// is derived from <see cref="MessageId"/>, so the same message is held once. <see cref="SuggestedRequester"/> is the
/// repaired (guessed) address, if any.
/// </summary>
public sealed record HeldMessage(
    string Id,
    string MessageId,
    string? From,
    string Subject,
    string Text,
    DateTimeOffset ReceivedAt,
    string Reason,
    string? SuggestedRequester = null,
    HeldDecision? Decision = null);

/// <summary>What a supervisor did with a held message: opened a ticket (<see cref="Protocol"/>, for
/// <see cref="Requester"/>) or discarded it (<see cref="Reason"/>); who and when.</summary>
public sealed record HeldDecision(string Action, string By, DateTimeOffset At, string? Protocol = null, string? Requester = null, string? Reason = null)
{
    public const string Opened = "ticket";
    public const string Discarded = "discarded";
}

/// <summary>Where held messages are kept. Holding is idempotent on the message id; the first decision stands.</summary>
public interface IHeldMessages
{
    /// <summary>Stores <paramref name="message"/> unless a message with its id is held already; returns the stored one
    /// and whether this call stored it.</summary>
    Task<(HeldMessage Message, bool Held)> HoldAsync(HeldMessage message, CancellationToken cancellationToken);

    Task<HeldMessage?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The messages still waiting for a decision, oldest first.</summary>
    Task<IReadOnlyList<HeldMessage>> ListUndecidedAsync(CancellationToken cancellationToken);

    /// <summary>Records <paramref name="decision"/> unless one is recorded; returns the message as stored afterwards
    /// (null if no message has this id).</summary>
    Task<HeldMessage?> DecideAsync(string id, HeldDecision decision, CancellationToken cancellationToken);

    /// <summary>How many messages were held with <see cref="HeldMessage.ReceivedAt"/> in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    Task<int> CountHeldAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
