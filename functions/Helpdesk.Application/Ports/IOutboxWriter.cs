namespace Helpdesk.Application.Ports;

/// <summary>Puts a message in the outbox that belongs to no ticket (e.g. a Graph notification to process later), in
/// one atomic write, for the same at-least-once delivery as ticket messages (SQLite outbox table embedded; a
/// standalone outbox item forwarded by the change feed in Cosmos DB).</summary>
public interface IOutboxWriter
{
    Task EnqueueAsync(Outbox.OutboxMessage message, CancellationToken cancellationToken);
}
