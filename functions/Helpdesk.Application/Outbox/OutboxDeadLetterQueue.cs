using Helpdesk.Application.Ports;

namespace Helpdesk.Application.Outbox;

/// <summary>The embedded mode's dead letters: the outbox rows the in-process dispatcher gave up on (SQLite). Replaying
/// resets the row's delivery count and wakes the dispatcher.</summary>
public sealed class OutboxDeadLetterQueue(IOutboxStore outbox, IOutboxSignal signal, TimeProvider clock) : IDeadLetterQueue
{
    public async Task<IReadOnlyList<DeadLetterSummary>> ListAsync(string? queue, int max, CancellationToken cancellationToken)
    {
        var letters = await outbox.ListDeadLettersAsync(cancellationToken).ConfigureAwait(false);
        return [.. letters
            .Where(d => queue is null || string.Equals(d.Queue, queue, StringComparison.Ordinal))
            .Take(max)
            .Select(d => new DeadLetterSummary(d.Id, d.Queue, DeadLetterBodies.ProtocolOf(d.Body), d.DeliveryCount, d.CreatedAt, d.DeadLetteredAt, d.Reason))];
    }

    public async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await outbox.ReplayAsync(id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        signal.Notify();
        return true;
    }
}
