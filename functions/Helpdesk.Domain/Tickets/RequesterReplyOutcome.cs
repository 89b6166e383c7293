namespace Helpdesk.Domain.Tickets;

/// <summary>What a requester's message did to the ticket it threads into.</summary>
public enum RequesterReplyOutcome
{
    /// <summary>Added to the thread.</summary>
    Added,

    /// <summary>The same message again: nothing changed.</summary>
    Duplicate,

    /// <summary>Added, and it ended the pendency on the requester (the clock runs again).</summary>
    Resumed,

    /// <summary>Added to a resolved ticket within the reopening window: the ticket was reopened.</summary>
    Reopened,

    /// <summary>Not added: the ticket is closed, cancelled or past its reopening window. The message opens a new
    /// ticket that follows this one.</summary>
    NeedsNewTicket,

    /// <summary>Not added: the ticket was merged into another; the message belongs there.</summary>
    MergedElsewhere,

    /// <summary>Threaded by its headers, but from an address that is not one of the ticket's correspondents (someone in
    /// copy who knows a Message-ID of the thread): recorded as an internal note for the agent; it neither reopens nor
    /// resumes the ticket nor counts as the requester's message.</summary>
    NotedFromThirdParty,
}
