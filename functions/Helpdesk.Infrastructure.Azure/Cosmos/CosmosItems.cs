using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Infrastructure.Azure.Cosmos;

/// <summary>The ids (and partition keys: every item is its own logical partition, <c>pk == id</c>, except ticket
/// items whose pk is the ticket id too) of the items of the tickets container. See docs/cosmos-data-model.md.</summary>
internal static class CosmosItems
{
    public const string TicketType = "ticket";
    public const string MessageIdType = "messageId";
    public const string ProtocolType = "protocol";
    public const string CounterType = "protocolCounter";
    public const string ProcessedType = "processed";
    public const string HeartbeatType = "heartbeat";

    public static string Counter(int year) => $"counter-{year}";

    public static string Protocol(string protocol) => $"protocol-{protocol}";

    /// <summary>Message ids may hold '/', '#', '?' and are long: the item id is their SHA-256.</summary>
    public static string MessageId(string messageId) => "msg-" + Hash(messageId);

    public static string Processed(string consumer, string messageId) => "processed-" + Hash(consumer + "\n" + messageId);

    public static string HeartbeatPartition(DateTimeOffset at) => $"heartbeats-{at.UtcDateTime:yyyy-MM}";

    public static string Heartbeat(DateTimeOffset at) => $"heartbeat-{at.UtcDateTime:yyyy-MM-ddTHH-mm}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
