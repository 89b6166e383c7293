using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Ports;

/// <summary>
/// The read side the finance timers and the ticket export use: every ticket that can belong to an assessment of the
/// period [<c>from</c>, <c>to</c>): received before <c>to</c>, and either changed at or after <c>from</c> or still active
/// (an open ticket belongs to the backlog of every month it spans). Ordered by protocol; whole histories.
/// </summary>
public interface ITicketHistory
{
    IAsyncEnumerable<Ticket> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
