using System.Text.Json.Nodes;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>Idempotent consumers on Cosmos DB: one small item per (consumer, message id), each its own partition.</summary>
public sealed class CosmosProcessedMessages(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosProcessedMessages> logger) : IProcessedMessages
{
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task<bool> WasProcessedAsync(string consumer, string messageId, CancellationToken cancellationToken)
    {
        var key = CosmosItems.Processed(consumer, messageId);
        return await _gateway.ReadAsync(key, key, cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task MarkProcessedAsync(string consumer, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = CosmosItems.Processed(consumer, messageId);
        var item = new JsonObject
        {
            ["id"] = key,
            ["pk"] = key,
            ["type"] = CosmosItems.ProcessedType,
            ["consumer"] = consumer,
            ["messageId"] = messageId,
            ["processedAt"] = TicketDocument.Format(now),
        };
        _ = await _gateway.TryCreateAsync(item, key, cancellationToken).ConfigureAwait(false); // 409: already marked
    }
}
