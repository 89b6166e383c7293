namespace Helpdesk.Application.Outbox;

/// <summary>
/// A message caused by a ticket change, stored atomically with it and delivered at least once to the queue named by
/// <see cref="Queue"/>. <see cref="Id"/> is the message id every consumer deduplicates on; it travels inside
/// <see cref="Body"/> too, because a Service Bus output binding cannot set the broker's MessageId.
/// </summary>
public sealed record OutboxMessage(Guid Id, string Queue, string Body, DateTimeOffset CreatedAt);
