using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;

namespace Helpdesk.Application.Catalogue;

/// <summary>Reads and replaces the service catalogue (supervisors and admins replace it, with the version they saw).</summary>
public sealed class CatalogueService(ICatalogueStore store, TimeProvider clock)
{
    public Task<StoredCatalogue> GetAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanReadTickets)
        {
            throw new AccessDeniedException("Reading the catalogue needs a staff role.");
        }

        return store.GetAsync(cancellationToken);
    }

    public Task<StoredCatalogue> ReplaceAsync(AgentIdentity agent, SupportCatalogue catalogue, int expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (!agent.CanEditCatalogue)
        {
            throw new AccessDeniedException("Only supervisors and admins change the service catalogue.");
        }

        return store.SaveAsync(catalogue, expectedVersion, agent.UserId, clock.GetUtcNow(), cancellationToken);
    }
}
