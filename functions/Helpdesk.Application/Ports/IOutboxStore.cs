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

    Task MarkDeliveredAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    Task ScheduleRetryAsync(Guid id, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    Task DeadLetterAsync(Guid id, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>Puts a dead-lettered message back in line with a fresh delivery count.</summary>
    Task<bool> ReplayAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Wakes the embedded outbox dispatcher as soon as a write adds outbox messages.</summary>
public interface IOutboxSignal
{
    void Notify();
}

/// <summary>Remembers which messages a consumer has already handled (idempotent consumers).</summary>
public interface IProcessedMessages
{
    Task<bool> WasProcessedAsync(string consumer, string messageId, CancellationToken cancellationToken);

    Task MarkProcessedAsync(string consumer, string messageId, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Sends e-mail to requesters (Graph in Azure, .eml files locally). Sending the same
/// <see cref="Outbox.OutboundEmail.MessageId"/> twice must not send twice.</summary>
public interface IOutgoingMailbox
{
    Task SendAsync(Outbox.OutboundEmail email, CancellationToken cancellationToken);
}

/// <summary>Records that the service answered at a given minute (feeds the availability indicator).</summary>
public interface IAvailabilityLog
{
    Task RecordHeartbeatAsync(DateTimeOffset at, CancellationToken cancellationToken);

    Task<int> CountHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken);

    /// <summary>The minutes (UTC, seconds zero) with a heartbeat in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>), in time order.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ListHeartbeatsAsync(DateTimeOffset fromInclusive, DateTimeOffset toExclusive, CancellationToken cancellationToken);
}

/// <summary>Puts a message in the outbox that belongs to no ticket (e.g. a Graph notification to process later), in
/// one atomic write, for the same at-least-once delivery as ticket messages (SQLite outbox table embedded; a
/// standalone outbox item forwarded by the change feed in Cosmos DB).</summary>
public interface IOutboxWriter
{
    Task EnqueueAsync(Outbox.OutboxMessage message, CancellationToken cancellationToken);
}
