using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Institutions;

namespace Helpdesk.Application.Institutions;

/// <summary>The domain → institution table: every staff role reads it; admins edit it. Tickets keep the institution
/// they were registered with (a later edit does not rewrite history).</summary>
public sealed class InstitutionService(IInstitutionDirectory directory, TimeProvider clock)
{
    public Task<IReadOnlyList<InstitutionMapping>> ListAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanReadTickets)
        {
            throw new AccessDeniedException("Reading the institution table needs a staff role.");
        }

        return directory.ListAsync(cancellationToken);
    }

    public Task<bool> UpsertAsync(AgentIdentity agent, InstitutionMapping mapping, CancellationToken cancellationToken)
    {
        RequireAdmin(agent);
        return directory.UpsertAsync(mapping, agent.UserId, clock.GetUtcNow(), cancellationToken);
    }

    public Task<bool> RemoveAsync(AgentIdentity agent, string domain, CancellationToken cancellationToken)
    {
        RequireAdmin(agent);
        return directory.RemoveAsync(InstitutionMapping.NormalizeDomain(domain), cancellationToken);
    }

    private static void RequireAdmin(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanEditInstitutions)
        {
            throw new AccessDeniedException("Only admins edit the institution table.");
        }
    }
}
