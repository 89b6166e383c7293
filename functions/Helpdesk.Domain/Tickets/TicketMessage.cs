namespace Helpdesk.Domain.Tickets;

public enum MessageDirection
{
    Inbound,
    Outbound,
}

/// <summary>A message on the ticket's thread, as the agents and the requester see it.</summary>
public sealed record TicketMessage(
    MessageDirection Direction,
    string? MessageId,
    string Party,
    string Subject,
    string Text,
    string? Html,
    DateTimeOffset At,
    string? Purpose)
{
    /// <summary>Who wrote an outbound message (agent user id, or the system).</summary>
    public string? Author { get; init; }

    /// <summary>The files kept with the message (issue 20).</summary>
    public IReadOnlyList<Attachments.AttachmentRef> Attachments { get; init; } = [];

    /// <summary>The parts of an incoming message that were refused (too large, blocked type).</summary>
    public IReadOnlyList<Attachments.RefusedAttachment> RefusedAttachments { get; init; } = [];
}
