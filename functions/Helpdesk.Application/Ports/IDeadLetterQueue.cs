using Helpdesk.Application.Outbox;

namespace Helpdesk.Application.Ports;

/// <summary>
/// Where dead-lettered messages wait for a supervisor: the SQLite outbox in the embedded mode, Service Bus's dead-letter
/// sub-queues in Azure. Listing changes nothing and never returns bodies; replaying puts one message back in its queue.
/// A message is known by its outbox id (<see cref="DeadLetterSummary.Id"/>), which consumers deduplicate on, so a
/// replay that happens twice is harmless.
/// </summary>
public interface IDeadLetterQueue
{
    /// <summary>Up to <paramref name="max"/> dead letters of <paramref name="queue"/> (every queue when null).</summary>
    Task<IReadOnlyList<DeadLetterSummary>> ListAsync(string? queue, int max, CancellationToken cancellationToken);

    /// <summary>Puts the dead letter with that id back in its queue; false when there is none (already replayed, or never dead).</summary>
    Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>The dead-letter store could not be read or written (not authorized, throttled or down after retries). The
/// message says which, without any message content.</summary>
public sealed class DeadLetterQueueUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
