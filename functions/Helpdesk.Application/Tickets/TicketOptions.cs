namespace Helpdesk.Application.Tickets;

/// <summary>Settings of the ticket lifecycle (section <c>Tickets</c>).</summary>
public sealed class TicketOptions
{
    /// <summary>How long after resolution an answer from the requester reopens the ticket; after it, the answer opens a
    /// new ticket that follows the old one (setting <c>Tickets__ReopenWindowDays</c>, calendar days).</summary>
    public int ReopenWindowDays { get; set; } = 7;

    public TimeSpan ReopenWindow => TimeSpan.FromDays(ReopenWindowDays);
}
