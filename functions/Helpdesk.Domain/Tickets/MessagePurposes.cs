namespace Helpdesk.Domain.Tickets;

/// <summary>Why a message was sent to the requester (<see cref="Events.MessageSent.Purpose"/>).</summary>
public static class MessagePurposes
{
    /// <summary>The automatic acknowledgment with the protocol.</summary>
    public const string Acknowledgment = "acknowledgment";

    /// <summary>An agent's public reply.</summary>
    public const string Reply = "reply";

    /// <summary>The notice of resolution, with the satisfaction survey link.</summary>
    public const string Resolution = "resolution";

    /// <summary>Whether a message of this purpose is automatic (RFC 3834 <c>Auto-Submitted</c>): a person's reply is not.</summary>
    public static bool IsAutomatic(string purpose) => !string.Equals(purpose, Reply, StringComparison.Ordinal);
}
