using System.Security.Cryptography;
using System.Text;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.ServiceBus;

/// <summary>
/// Azure's dead letters: each queue's Service Bus dead-letter sub-queue (<c>{queue}/$DeadLetterQueue</c>), read through
/// the REST API (<see cref="ServiceBusRestClient"/>).
/// <para>Listing peek-locks up to <c>max</c> messages per sub-queue, keeps their summary (protocol from the body, never
/// the body itself), and unlocks every one it locked in a <c>finally</c>, so listing changes nothing but the messages'
/// delivery counts as the broker keeps them (UNCONFIRMED whether an unlock on a dead-letter sub-queue increments it).</para>
/// <para>Identity: a message is known by the outbox id inside its body (<c>outboxId</c>), which is what consumers
/// deduplicate on; a body without one (a Graph notification) is known by its broker MessageId when that is a GUID,
/// else by a GUID derived from SHA-256 of <c>queue/MessageId</c>. Replay finds the message by that id, sends its body
/// unchanged to the main queue under a fresh MessageId (the queues detect duplicates on MessageId, so reusing the old one
/// could silently drop the replay), then deletes the dead letter; if the send fails the dead letter is unlocked and
/// stays. A replay sent twice is harmless: the consumers deduplicate on the outbox id.</para>
/// </summary>
public sealed partial class ServiceBusDeadLetterQueue(ServiceBusRestClient client, IReadOnlyList<string> queues, IIdGenerator ids, ILogger<ServiceBusDeadLetterQueue> logger) : IDeadLetterQueue
{
    /// <summary>How many dead letters per queue a replay looks through to find the one asked for.</summary>
    public const int ReplayScanLimit = 500;

    private const string DeadLetterSubQueue = "$DeadLetterQueue";

    public async Task<IReadOnlyList<DeadLetterSummary>> ListAsync(string? queue, int max, CancellationToken cancellationToken)
    {
        var chosen = queue is null ? queues : queues.Where(q => string.Equals(q, queue, StringComparison.Ordinal)).ToList();
        var perQueue = await Task.WhenAll(chosen.Select(q => ListQueueAsync(q, max, cancellationToken))).ConfigureAwait(false);
        return [.. perQueue.SelectMany(l => l)];
    }

    public async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var queue in queues)
        {
            var locked = new List<LockedMessage>();
            LockedMessage? found = null;
            try
            {
                while (found is null && locked.Count < ReplayScanLimit && await client.PeekLockAsync(DeadLetterPath(queue), cancellationToken).ConfigureAwait(false) is { } message)
                {
                    if (IdOf(queue, message) == id)
                    {
                        found = message;
                    }
                    else
                    {
                        locked.Add(message);
                    }
                }

                if (found is null)
                {
                    continue;
                }

                try
                {
                    await client.SendAsync(queue, found.Body, ids.NewId().ToString("N"), cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    locked.Add(found);
                    throw;
                }

                await client.DeleteAsync(found, cancellationToken).ConfigureAwait(false);
                LogReplayed(logger, id, queue);
                return true;
            }
            finally
            {
                await UnlockAllAsync(locked).ConfigureAwait(false);
            }
        }

        return false;
    }

    /// <summary>The id a supervisor sees and replays by (see the class remarks).</summary>
    public static Guid IdOf(string queue, LockedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (DeadLetterBodies.OutboxIdOf(message.Body) is { } outboxId)
        {
            return outboxId;
        }

        if (Guid.TryParse(message.MessageId, out var messageId))
        {
            return messageId;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(queue + "/" + message.MessageId));
        return new Guid(hash.AsSpan(0, 16));
    }

    private async Task<IReadOnlyList<DeadLetterSummary>> ListQueueAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var locked = new List<LockedMessage>();
        try
        {
            while (locked.Count < max && await client.PeekLockAsync(DeadLetterPath(queue), cancellationToken).ConfigureAwait(false) is { } message)
            {
                locked.Add(message);
            }

            return [.. locked.Select(m => new DeadLetterSummary(
                IdOf(queue, m),
                queue,
                DeadLetterBodies.ProtocolOf(m.Body),
                m.DeliveryCount,
                m.EnqueuedAt ?? DateTimeOffset.UnixEpoch,
                null,
                ReasonOf(m)))];
        }
        finally
        {
            await UnlockAllAsync(locked).ConfigureAwait(false);
        }
    }

    /// <summary>Unlocks every message, even when one unlock fails (the others must not stay locked for that); a lock that
    /// cannot be released expires by itself after the queue's lock duration.</summary>
    private async Task UnlockAllAsync(List<LockedMessage> locked)
    {
        foreach (var message in locked)
        {
            try
            {
                await client.UnlockAsync(message, CancellationToken.None).ConfigureAwait(false);
            }
            catch (DeadLetterQueueUnavailableException ex)
            {
                LogUnlockFailed(logger, ex, message.SequenceNumber);
            }
        }
    }

    private static string ReasonOf(LockedMessage message) =>
        (message.DeadLetterReason, message.DeadLetterErrorDescription) switch
        {
            ({ Length: > 0 } reason, { Length: > 0 } description) => reason + ": " + description,
            ({ Length: > 0 } reason, _) => reason,
            (_, { Length: > 0 } description) => description,
            _ => "(sem motivo informado pelo Service Bus)",
        };

    private static string DeadLetterPath(string queue) => queue + "/" + DeadLetterSubQueue;

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed dead letter {Id} to Service Bus queue {Queue}")]
    private static partial void LogReplayed(ILogger logger, Guid id, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unlock dead letter with sequence number {SequenceNumber}; its lock will expire by itself")]
    private static partial void LogUnlockFailed(ILogger logger, Exception exception, long sequenceNumber);
}
