using Helpdesk.Application.Identity;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tickets;

/// <summary>Level 2's hand-off of a ticket to an external team of the contract, and the team's return.</summary>
public sealed partial class TicketActions
{
    /// <summary>The external teams of the contract, for the callers' choices.</summary>
    public IReadOnlyList<Domain.Catalogue.ExternalTeam> ExternalTeams => contract.ExternalTeams;

    /// <summary>Forwards the ticket to the contract's external team <paramref name="teamCode"/> with that team's record
    /// <paramref name="reference"/> (level-2 agents, supervisors, admins).</summary>
    public Task<Ticket> ForwardToExternalTeamAsync(TicketTarget target, AgentIdentity agent, string? teamCode, string reference, string reason, CancellationToken cancellationToken)
    {
        RequireForwarder(agent);
        var team = contract.FindExternalTeam(teamCode?.Trim())
            ?? throw new DomainException(TicketErrors.ForwardTeamUnknown, $"No external team of the contract has code '{teamCode}'.");
        return ExecuteAsync(target, agent, (t, now) =>
        {
            t.ForwardToExternalTeam(team, reference, reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);
    }

    /// <summary>Records that the external team gave the ticket back, with an optional note.</summary>
    public Task<Ticket> RecordExternalReturnAsync(TicketTarget target, AgentIdentity agent, string? note, CancellationToken cancellationToken)
    {
        RequireForwarder(agent);
        return ExecuteAsync(target, agent, (t, now) =>
        {
            t.RecordExternalReturn(note, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);
    }

    private static void RequireForwarder(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanForwardToExternalTeams)
        {
            throw new AccessDeniedException("Only level-2 agents, supervisors and admins forward tickets to external teams.");
        }
    }
}
