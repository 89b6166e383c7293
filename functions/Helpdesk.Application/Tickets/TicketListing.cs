using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;

namespace Helpdesk.Application.Tickets;

/// <summary>Lists tickets for a signed-in person (the queues: mine, my group, all, filtered). The text filter searches
/// only what the person may see (<see cref="TicketQuery.View"/>), and the rows come back masked for them.</summary>
public sealed class TicketListing(ITicketQueries queries, TimeProvider clock)
{
    public async Task<TicketPage> ListAsync(AgentIdentity agent, TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(query);
        if (!agent.CanReadTickets)
        {
            throw new AccessDeniedException("Listing tickets needs a staff role.");
        }

        var size = Math.Clamp(query.PageSize, 1, TicketQuery.MaxPageSize);
        var mask = PersonalDataMask.For(agent);
        var page = await queries.ListAsync(query with { PageSize = size, Now = clock.GetUtcNow(), View = mask.View }, cancellationToken).ConfigureAwait(false);
        return page with { Items = [.. page.Items.Select(row => MaskedTicket.Row(row, mask))] };
    }
}
