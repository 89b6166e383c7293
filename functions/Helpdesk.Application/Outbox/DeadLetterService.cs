using System.Text.Json;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;

namespace Helpdesk.Application.Outbox;

/// <summary>A dead-lettered message as a supervisor sees it: queue, ticket, reason, deliveries, when it was queued and
/// when it was given up on. Never the body (an e-mail's recipient and text, a hand-off's content).</summary>
public sealed record DeadLetterSummary(Guid Id, string Queue, string? Protocol, int DeliveryCount, DateTimeOffset CreatedAt, DateTimeOffset DeadLetteredAt, string Reason);

/// <summary>The supervisors' use cases on dead-lettered messages (embedded outbox): list them without their bodies, and
/// put one back in line. Called by the JSON API and the dead-letter page alike.</summary>
public sealed class DeadLetterService(IOutboxStore outbox, IOutboxSignal signal, TimeProvider clock)
{
    public async Task<IReadOnlyList<DeadLetterSummary>> ListAsync(AgentIdentity agent, CancellationToken cancellationToken)
    {
        RequireSupervisor(agent);
        var letters = await outbox.ListDeadLettersAsync(cancellationToken).ConfigureAwait(false);
        return [.. letters.Select(d => new DeadLetterSummary(d.Id, d.Queue, ProtocolOf(d.Body), d.DeliveryCount, d.CreatedAt, d.DeadLetteredAt, d.Reason))];
    }

    /// <summary>Puts the message back in line with a fresh delivery count and wakes the dispatcher; false when no
    /// dead letter has that id (already replayed, or never dead).</summary>
    public async Task<bool> ReplayAsync(AgentIdentity agent, Guid id, CancellationToken cancellationToken)
    {
        RequireSupervisor(agent);
        if (!await outbox.ReplayAsync(id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        signal.Notify();
        return true;
    }

    private static void RequireSupervisor(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.IsSupervisorOrAdmin)
        {
            throw new AccessDeniedException("Only supervisors and admins see and replay dead letters.");
        }
    }

    private static string? ProtocolOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("protocol", out var p) && p.ValueKind == JsonValueKind.String
                ? p.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
