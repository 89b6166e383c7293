using Azure.Messaging.ServiceBus;

namespace Helpdesk.Tests.Support;

/// <summary>
/// An in-memory Service Bus namespace behind the SDK's own test seams: a <see cref="ServiceBusClient"/> whose receivers
/// and senders (the SDK's mockable base classes) read and write in-memory queues, with the broker's rules the dead-letter
/// adapter relies on: a peek locks nothing; a received message is locked until completed (removed) or abandoned
/// (unlocked, delivery count + 1); a locked message is not received again; sequence numbers grow. Received messages are
/// made with <see cref="ServiceBusModelFactory"/>, as the SDK documents for tests. <see cref="Fail"/> makes the next
/// operations of a kind throw what the SDK throws after its own retries.
/// </summary>
public sealed class FakeServiceBus : ServiceBusClient
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<Message>> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Exception Error, int Times)> _failures = new(StringComparer.Ordinal);
    private long _sequence = 100;

    public FakeServiceBus(string host = "sb-test.servicebus.windows.net") => Namespace = host;

    public string Namespace { get; }

    /// <summary>A message as the broker holds it; <see cref="Locked"/> while a receiver holds its lock.</summary>
    public sealed class Message
    {
        public required string MessageId { get; init; }
        public required string Body { get; init; }
        public long SequenceNumber { get; init; }
        public int DeliveryCount { get; set; }
        public DateTimeOffset EnqueuedAt { get; init; }
        public string? Reason { get; init; }
        public string? Description { get; init; }
        public Guid? LockToken { get; set; }
        public bool Locked => LockToken is not null;
    }

    /// <summary>Puts a message straight into <paramref name="queue"/>'s dead-letter sub-queue.</summary>
    public Message DeadLetter(string queue, string body, string? messageId = null, int deliveryCount = 10, string reason = "MaxDeliveryCountExceeded", string? description = "Message could not be consumed after 10 delivery attempts.")
    {
        lock (_gate)
        {
            var message = new Message
            {
                MessageId = messageId ?? Guid.NewGuid().ToString("N"),
                Body = body,
                SequenceNumber = ++_sequence,
                DeliveryCount = deliveryCount,
                EnqueuedAt = new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero),
                Reason = reason,
                Description = description,
            };
            Entity(DeadLetterPath(queue)).Add(message);
            return message;
        }
    }

    /// <summary>The messages of an entity: a queue name, or <c>{queue}/$DeadLetterQueue</c>.</summary>
    public IReadOnlyList<Message> Messages(string entity)
    {
        lock (_gate)
        {
            return [.. Entity(entity)];
        }
    }

    /// <summary>The next <paramref name="times"/> operations of <paramref name="operation"/> ("peek", "receive", "send",
    /// "complete", "abandon") throw <paramref name="error"/>.</summary>
    public void Fail(string operation, Exception error, int times = 1)
    {
        lock (_gate)
        {
            _failures[operation] = (error, times);
        }
    }

    public override ServiceBusReceiver CreateReceiver(string queueName, ServiceBusReceiverOptions options) =>
        new Receiver(this, options?.SubQueue == SubQueue.DeadLetter ? DeadLetterPath(queueName) : queueName);

    public override ServiceBusSender CreateSender(string queueOrTopicName) => new Sender(this, queueOrTopicName);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string DeadLetterPath(string queue) => queue + "/$DeadLetterQueue";

    private List<Message> Entity(string path)
    {
        if (!_entities.TryGetValue(path, out var list))
        {
            _entities[path] = list = [];
        }

        return list;
    }

    private void ThrowIfFailing(string operation)
    {
        if (_failures.TryGetValue(operation, out var failure) && failure.Times > 0)
        {
            _failures[operation] = (failure.Error, failure.Times - 1);
            throw failure.Error;
        }
    }

    private static ServiceBusReceivedMessage ToReceived(Message m) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString(m.Body),
            messageId: m.MessageId,
            properties: new Dictionary<string, object>
            {
                ["DeadLetterReason"] = m.Reason!,
                ["DeadLetterErrorDescription"] = m.Description!,
            }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
            lockTokenGuid: m.LockToken ?? Guid.Empty,
            deliveryCount: m.DeliveryCount,
            sequenceNumber: m.SequenceNumber,
            enqueuedTime: m.EnqueuedAt);

    private sealed class Receiver(FakeServiceBus bus, string path) : ServiceBusReceiver
    {
        public override string EntityPath => path;

        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> PeekMessagesAsync(int maxMessages, long? fromSequenceNumber = null, CancellationToken cancellationToken = default)
        {
            lock (bus._gate)
            {
                bus.ThrowIfFailing("peek");
                IReadOnlyList<ServiceBusReceivedMessage> page = [.. bus.Entity(path)
                    .Where(m => m.SequenceNumber >= (fromSequenceNumber ?? long.MinValue))
                    .OrderBy(m => m.SequenceNumber)
                    .Take(maxMessages)
                    .Select(ToReceived)];
                return Task.FromResult(page);
            }
        }

        public override Task<IReadOnlyList<ServiceBusReceivedMessage>> ReceiveMessagesAsync(int maxMessages, TimeSpan? maxWaitTime = null, CancellationToken cancellationToken = default)
        {
            lock (bus._gate)
            {
                bus.ThrowIfFailing("receive");
                var taken = bus.Entity(path).Where(m => !m.Locked).OrderBy(m => m.SequenceNumber).Take(maxMessages).ToList();
                foreach (var message in taken)
                {
                    message.LockToken = Guid.NewGuid();
                }

                IReadOnlyList<ServiceBusReceivedMessage> received = [.. taken.Select(ToReceived)];
                return Task.FromResult(received);
            }
        }

        public override Task CompleteMessageAsync(ServiceBusReceivedMessage message, CancellationToken cancellationToken = default)
        {
            lock (bus._gate)
            {
                bus.ThrowIfFailing("complete");
                bus.Entity(path).Remove(Held(message));
                return Task.CompletedTask;
            }
        }

        public override Task AbandonMessageAsync(ServiceBusReceivedMessage message, IDictionary<string, object>? propertiesToModify = null, CancellationToken cancellationToken = default)
        {
            lock (bus._gate)
            {
                bus.ThrowIfFailing("abandon");
                var held = Held(message);
                held.LockToken = null;
                held.DeliveryCount++;
                return Task.CompletedTask;
            }
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private Message Held(ServiceBusReceivedMessage message) =>
            bus.Entity(path).SingleOrDefault(m => m.LockToken?.ToString() == message.LockToken)
            ?? throw new ServiceBusException("The lock supplied is invalid.", ServiceBusFailureReason.MessageLockLost);
    }

    private sealed class Sender(FakeServiceBus bus, string queue) : ServiceBusSender
    {
        public override string EntityPath => queue;

        public override Task SendMessageAsync(ServiceBusMessage message, CancellationToken cancellationToken = default)
        {
            lock (bus._gate)
            {
                bus.ThrowIfFailing("send");
                bus.Entity(queue).Add(new Message { MessageId = message.MessageId, Body = message.Body.ToString(), SequenceNumber = ++bus._sequence, EnqueuedAt = DateTimeOffset.UtcNow });
                return Task.CompletedTask;
            }
        }

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
