using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;

namespace Helpdesk.Application.Outbox;

/// <summary>A dead-lettered message as a supervisor sees it: queue, ticket, reason, deliveries, when it was queued and
/// when it was given up on (null where the store does not record it: Service Bus does not). Never the body
/// (an e-mail's recipient and text, a hand-off's content).</summary>
public sealed record DeadLetterSummary(Guid Id, string Queue, string? Protocol, int DeliveryCount, DateTimeOffset CreatedAt, DateTimeOffset? DeadLetteredAt, string Reason);

/// <summary>The supervisors' use cases on dead-lettered messages, over whichever <see cref="IDeadLetterQueue"/> the host
/// chose (SQLite outbox embedded, Service Bus in Azure): list them without their bodies, and put one back in line.
/// Called by the JSON API and the dead-letter page alike.</summary>
public sealed class DeadLetterService(IDeadLetterQueue deadLetters)
{
    /// <summary>How many dead letters of each queue a listing shows at most.</summary>
    public const int MaxListed = 100;

    public async Task<IReadOnlyList<DeadLetterSummary>> ListAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        RequireSupervisor(agent);
        return await deadLetters.ListAsync(null, MaxListed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts the message back in line; false when no dead letter has that id (already replayed, or never dead).</summary>
    public async Task<bool> ReplayAsync(AgentIdentity agent, Guid id, CancellationToken cancellationToken)
    {
        RequireSupervisor(agent);
        return await deadLetters.ReplayAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private static void RequireSupervisor(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.IsSupervisorOrAdmin)
        {
            throw new AccessDeniedException("Only supervisors and admins see and replay dead letters.");
        }
    }
}
