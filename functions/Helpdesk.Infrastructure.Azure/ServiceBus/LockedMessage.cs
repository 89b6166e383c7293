namespace Helpdesk.Infrastructure.Azure.ServiceBus;

/// <summary>A message peek-locked through the REST API: its broker properties, the custom properties the dead-lettering
/// set (<c>DeadLetterReason</c>, <c>DeadLetterErrorDescription</c>), its body, and the URI that unlocks or deletes it.</summary>
public sealed record LockedMessage(
    string MessageId,
    string LockToken,
    long SequenceNumber,
    int DeliveryCount,
    DateTimeOffset? EnqueuedAt,
    string? DeadLetterReason,
    string? DeadLetterErrorDescription,
    string Body,
    Uri LockUri);
