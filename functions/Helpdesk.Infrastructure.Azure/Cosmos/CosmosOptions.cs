namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>
/// Where the Cosmos DB store lives. In Azure only <see cref="AccountEndpoint"/> is set and the app signs in with its
/// managed identity (<c>CosmosDb__accountEndpoint</c>); against an emulator <see cref="AccountKey"/> is set too.
/// </summary>
public sealed class CosmosOptions
{
    public const string Section = "CosmosDb";

    public Uri? AccountEndpoint { get; set; }

    /// <summary>Key-based access, for emulators and tests only (Azure disables local auth).</summary>
    public string? AccountKey { get; set; }

    public string DatabaseName { get; set; } = "helpdesk";

    public string TicketsContainer { get; set; } = "tickets";

    /// <summary>How long outbox entries stay in a ticket item after they were written (see docs/cosmos-data-model.md).</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A reservation (message-id claim, protocol) older than this with no ticket behind it was abandoned.</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An event whose data (canonical JSON) is larger than this is kept in the content store, and the ticket
    /// item keeps only its key, so that a ticket item stays far below Cosmos DB's 2 MB item limit.</summary>
    public int InlineEventDataLimit { get; set; } = 32 * 1024;

    /// <summary>Tests against the loopback server: gateway mode on the given endpoint only, self-signed certificate accepted.</summary>
    public bool Emulator { get; set; }
}
