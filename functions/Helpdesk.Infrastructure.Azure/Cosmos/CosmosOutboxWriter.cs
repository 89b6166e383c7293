using System.Text.Json.Nodes;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>A message that belongs to no ticket: a standalone outbox item (<c>"type": "outbox"</c>, its own partition),
/// forwarded by the change feed like a ticket's outbox entries. Writing the same message twice writes it once.</summary>
public sealed class CosmosOutboxWriter(Microsoft.Azure.Cosmos.Container container, CosmosOptions options, ILogger<CosmosOutboxWriter> logger) : IOutboxWriter
{
    private readonly CosmosGateway _gateway = new(container, logger, options.Emulator);

    public async Task EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var key = "outbox-" + message.Id.ToString("N");
        var item = new JsonObject
        {
            ["id"] = key,
            ["pk"] = key,
            ["type"] = "outbox",
            ["queue"] = message.Queue,
            ["body"] = message.Body,
            ["createdAt"] = TicketDocument.Format(message.CreatedAt),
            ["ttl"] = (int)TimeSpan.FromDays(30).TotalSeconds,
        };
        _ = await _gateway.TryCreateAsync(item, key, cancellationToken).ConfigureAwait(false);
    }
}
