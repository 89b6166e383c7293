using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>A ticket's resolution target as of its last change: when it becomes at risk and when it is due. Both null
/// when the ticket has no target (unclassified, no catalogue entry) or its clock is suspended or stopped.</summary>
public sealed record TicketDeadline(DateTimeOffset? AtRiskAt, DateTimeOffset? DueAt)
{
    public static TicketDeadline None { get; } = new(null, null);
}

/// <summary>Computes a ticket's deadlines (the SLA engine: contract targets × business calendar × suspensions). Store
/// adapters call it when they write a ticket so that lists can filter by breach state.</summary>
public interface ITicketDeadlines
{
    TicketDeadline For(Ticket ticket);
}

/// <summary>No targets: every ticket is without deadline. The default until the SLA engine is wired in.</summary>
public sealed class NoTicketDeadlines : ITicketDeadlines
{
    public TicketDeadline For(Ticket ticket) => TicketDeadline.None;
}
