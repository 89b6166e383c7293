using System.Security.Cryptography;
using System.Text;
using Azure.Messaging.ServiceBus;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.ServiceBus;

/// <summary>
/// Azure's dead letters: each queue's Service Bus dead-letter sub-queue, through the Service Bus SDK
/// (<see cref="ServiceBusClient"/>, <see cref="SubQueue.DeadLetter"/>), with the function app's managed identity.
/// <para>Listing peeks (no lock, no delivery count change) up to <c>max</c> messages per sub-queue and keeps their summary
/// (protocol from the body, never the body itself).</para>
/// <para>Identity: a message is known by the outbox id inside its body (<c>outboxId</c>), which is what consumers
/// deduplicate on; a body without one (a Graph notification) is known by its broker MessageId when that is a GUID,
/// else by a GUID derived from SHA-256 of <c>queue/MessageId</c>. Replay receives (peek-lock) through the sub-queue until
/// it holds the message asked for, sends its body unchanged to the main queue under a fresh MessageId (the queues detect
/// duplicates on MessageId, so reusing the old one could silently drop the replay), then completes the dead letter;
/// every other message it locked is abandoned, and if the send fails the dead letter is abandoned and stays. A replay
/// sent twice is harmless: the consumers deduplicate on the outbox id.</para>
/// <para>Failures: the SDK retries transient errors itself; what is left (not authorized, throttled or down) becomes a
/// <see cref="DeadLetterQueueUnavailableException"/> that names the cause and never message content.</para>
/// </summary>
public sealed partial class ServiceBusDeadLetterQueue(ServiceBusClient client, IReadOnlyList<string> queues, IIdGenerator ids, ILogger<ServiceBusDeadLetterQueue> logger) : IDeadLetterQueue
{
    /// <summary>How many dead letters per queue a replay looks through to find the one asked for.</summary>
    public const int ReplayScanLimit = 500;

    private const int Batch = 50;

    private static readonly ServiceBusReceiverOptions DeadLetters = new() { SubQueue = SubQueue.DeadLetter, ReceiveMode = ServiceBusReceiveMode.PeekLock };

    public async Task<IReadOnlyList<DeadLetterSummary>> ListAsync(string? queue, int max, CancellationToken cancellationToken)
    {
        var chosen = queue is null ? queues : queues.Where(q => string.Equals(q, queue, StringComparison.Ordinal)).ToList();
        var perQueue = await Task.WhenAll(chosen.Select(q => Guarded(() => ListQueueAsync(q, max, cancellationToken)))).ConfigureAwait(false);
        return [.. perQueue.SelectMany(l => l)];
    }

    public async Task<bool> ReplayAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var queue in queues)
        {
            if (await Guarded(() => ReplayFromAsync(queue, id, cancellationToken)).ConfigureAwait(false))
            {
                LogReplayed(logger, id, queue);
                return true;
            }
        }

        return false;
    }

    /// <summary>The id a supervisor sees and replays by (see the class remarks).</summary>
    public static Guid IdOf(string queue, ServiceBusReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (DeadLetterBodies.OutboxIdOf(message.Body.ToString()) is { } outboxId)
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
        await using var receiver = client.CreateReceiver(queue, DeadLetters);
        var seen = new List<ServiceBusReceivedMessage>();
        long? from = null;
        while (seen.Count < max)
        {
            var page = await receiver.PeekMessagesAsync(Math.Min(Batch, max - seen.Count), from, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            seen.AddRange(page);
            from = page[^1].SequenceNumber + 1;
        }

        return [.. seen.Select(m => new DeadLetterSummary(
            IdOf(queue, m),
            queue,
            DeadLetterBodies.ProtocolOf(m.Body.ToString()),
            m.DeliveryCount,
            m.EnqueuedTime == default ? DateTimeOffset.UnixEpoch : m.EnqueuedTime,
            null,
            ReasonOf(m)))];
    }

    private async Task<bool> ReplayFromAsync(string queue, Guid id, CancellationToken cancellationToken)
    {
        await using var receiver = client.CreateReceiver(queue, DeadLetters);
        var locked = new List<ServiceBusReceivedMessage>();
        try
        {
            ServiceBusReceivedMessage? found = null;
            while (found is null && locked.Count < ReplayScanLimit)
            {
                var batch = await receiver.ReceiveMessagesAsync(Math.Min(Batch, ReplayScanLimit - locked.Count), TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    if (found is null && IdOf(queue, message) == id)
                    {
                        found = message;
                    }
                    else
                    {
                        locked.Add(message);
                    }
                }
            }

            if (found is null)
            {
                return false;
            }

            try
            {
                await using var sender = client.CreateSender(queue);
                await sender.SendMessageAsync(new ServiceBusMessage(found.Body) { MessageId = ids.NewId().ToString("N"), ContentType = found.ContentType }, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                locked.Add(found);
                throw;
            }

            await receiver.CompleteMessageAsync(found, cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            await AbandonAllAsync(receiver, locked).ConfigureAwait(false);
        }
    }

    /// <summary>Releases every lock taken, even when one release fails (the others must not stay locked for that); a lock
    /// that cannot be released expires by itself after the queue's lock duration.</summary>
    private async Task AbandonAllAsync(ServiceBusReceiver receiver, List<ServiceBusReceivedMessage> locked)
    {
        foreach (var message in locked)
        {
            try
            {
                await receiver.AbandonMessageAsync(message, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ServiceBusException or UnauthorizedAccessException or ObjectDisposedException)
            {
                LogReleaseFailed(logger, ex, message.SequenceNumber);
            }
        }
    }

    /// <summary>What the SDK could not do after its own retries, as the port's failure (no message content in it).</summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DeadLetterQueueUnavailableException(
                "Service Bus refused the app's identity: it needs Azure Service Bus Data Owner on each queue (infra/app/rbac.bicep).", ex);
        }
        catch (ServiceBusException ex) when (ex.Reason is ServiceBusFailureReason.ServiceBusy or ServiceBusFailureReason.ServiceTimeout
                                                 or ServiceBusFailureReason.ServiceCommunicationProblem or ServiceBusFailureReason.MessagingEntityNotFound
                                                 or ServiceBusFailureReason.QuotaExceeded or ServiceBusFailureReason.GeneralError)
        {
            throw new DeadLetterQueueUnavailableException($"Service Bus did not answer the dead-letter request ({ex.Reason}).", ex);
        }
    }

    private static string ReasonOf(ServiceBusReceivedMessage message) =>
        (message.DeadLetterReason, message.DeadLetterErrorDescription) switch
        {
            ({ Length: > 0 } reason, { Length: > 0 } description) => reason + ": " + description,
            ({ Length: > 0 } reason, _) => reason,
            (_, { Length: > 0 } description) => description,
            _ => "(sem motivo informado pelo Service Bus)",
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed dead letter {Id} to Service Bus queue {Queue}")]
    private static partial void LogReplayed(ILogger logger, Guid id, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lock of dead letter with sequence number {SequenceNumber}; it will expire by itself")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, long sequenceNumber);
}
