using Helpdesk.Application.Identity;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tickets;

/// <summary>The requester's UF on the ticket, as an agent corrects it.</summary>
public sealed partial class TicketActions
{
    /// <summary>Sets the ticket's UF (null clears it), with an optional reason; a hash-chained event of the history.</summary>
    public Task<Ticket> ChangeUfAsync(TicketTarget target, AgentIdentity agent, Uf? uf, string? reason, CancellationToken cancellationToken) =>
        ExecuteAsync(target, agent, (t, now) =>
        {
            t.ChangeUf(uf, reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);
}
