using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>The thread index on Cosmos DB: the same message-id claim items the store writes with its tickets.</summary>
public sealed partial class CosmosTicketStore : IThreadIndex
{
    public async Task AddMessageIdAsync(TicketRef ticket, string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (await ClaimMessageIdAsync(messageId, ticket.Id.ToString(), ticket.Protocol, cancellationToken).ConfigureAwait(false) is { } other)
        {
            LogMessageIdOwnedElsewhere(_logger, ticket.Protocol.ToString(), other.Protocol.ToString());
        }
    }
}
