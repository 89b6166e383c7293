using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;

namespace Helpdesk.Application.Tickets;

/// <summary>Lists tickets for a signed-in person (the queues: mine, my group, all, filtered).</summary>
public sealed class TicketListing(ITicketQueries queries, TimeProvider clock)
{
    public Task<TicketPage> ListAsync(AgentIdentity agent, TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(query);
        if (!agent.CanReadTickets)
        {
            throw new AccessDeniedException("Listing tickets needs a staff role.");
        }

        var size = Math.Clamp(query.PageSize, 1, TicketQuery.MaxPageSize);
        return queries.ListAsync(query with { PageSize = size, Now = clock.GetUtcNow() }, cancellationToken);
    }
}
