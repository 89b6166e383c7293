namespace Helpdesk.Application.Ports;

/// <summary>Remembers which messages a consumer has already handled (idempotent consumers).</summary>
public interface IProcessedMessages
{
    Task<bool> WasProcessedAsync(string consumer, string messageId, CancellationToken cancellationToken);

    Task MarkProcessedAsync(string consumer, string messageId, DateTimeOffset now, CancellationToken cancellationToken);
}
