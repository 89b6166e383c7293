namespace Helpdesk.Application.Ports;

/// <summary>An outbox message taken for delivery. <see cref="DeliveryCount"/> counts this attempt.</summary>
public sealed record PendingDelivery(Guid Id, string Queue, string Body, DateTimeOffset CreatedAt, int DeliveryCount);

/// <summary>A message that exhausted its deliveries, kept with the reason for a supervisor to inspect and replay.</summary>
public sealed record DeadLetter(Guid Id, string Queue, string Body, DateTimeOffset CreatedAt, int DeliveryCount, DateTimeOffset DeadLetteredAt, string Reason);

/// <summary>The dispatch side of the transactional outbox (embedded mode; in Azure the change feed does this).</summary>
public interface IOutboxStore
{
    /// <summary>Takes up to <paramref name="max"/> messages due at <paramref name="now"/> and leases them until
    /// <paramref name="now"/> + <paramref name="lease"/>, so that a message whose dispatcher dies is taken again.</summary>
    Task<IReadOnlyList<PendingDelivery>> TakeDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks the messages of one dispatched batch delivered, in one write (issue 21: one per batch, not one per
    /// message, because every write of the embedded store goes through its single writer).</summary>
    Task MarkDeliveredAsync(IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken);

    Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    Task DeadLetterAsync(Guid id, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered message back in line with a fresh delivery count.</summary>
    Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);
}
