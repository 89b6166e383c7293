using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>
/// The deadline sweep's query: the tickets that have an alert due, read from an index of the next alert instants the
/// store keeps beside each ticket (<see cref="Sla.SweepSchedule"/>), so that its cost follows the tickets near their
/// deadline, not all open tickets.
/// </summary>
public interface ITicketsNearDeadline
{
    /// <summary>Tickets whose next warning is due at <paramref name="now"/>, or whose level-1 deadline falls before
    /// <paramref name="escalationHorizon"/>; at most <paramref name="max"/>, the most urgent first.</summary>
    Task<IReadOnlyList<TicketId>> ListDueAsync(DateTimeOffset now, DateTimeOffset escalationHorizon, int max, CancellationToken cancellationToken);
}
