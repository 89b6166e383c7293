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
    public const string SummaryType = "ticketSummary";
    public const string YearsType = "listYears";
    public const string RosterMemberType = "rosterMember";
    public const string DailyIndicatorsType = "dailyIndicators";
    public const string JustificationType = "justification";
    public const string ClosedMonthType = "closedMonth";
    public const string CatalogueType = "catalogue";
    public const string InstitutionType = "institution";
    public const string InstitutionsSeededType = "institutionsSeeded";
    public const string KnowledgeType = "knowledge";
    public const string HeldMessageType = "heldMessage";

    /// <summary>Held messages share one logical partition: a supervisor's list is one single-partition query, and they
    /// are few (messages no automatic rule could place), far below a partition's 20 GB.</summary>
    public const string HeldPartition = "held-messages";

    /// <summary>The knowledge base's entries share one logical partition (searched as a whole).</summary>
    public const string KnowledgePartition = "knowledge";

    /// <summary>The one service catalogue item, in its own partition.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>The domain → institution items share one small logical partition (tens of rows).</summary>
    public const string InstitutionsPartition = "institutions";

    /// <summary>The marker, in the institutions' partition, that the built-in rows were seeded.</summary>
    public const string InstitutionsSeeded = "institutions-seeded";

    /// <summary>The one item (in its own partition) listing the protocol years that have tickets, newest first.</summary>
    public const string Years = "list-years";

    /// <summary>The list items of a protocol year share one logical partition (ADR-013).</summary>
    public static string ListPartition(int year) => $"list-{year}";

    public static string Summary(string ticketId) => $"summary-{ticketId}";

    public static string Counter(int year) => $"counter-{year}";

    public static string Protocol(string protocol) => $"protocol-{protocol}";

    /// <summary>Message ids may hold '/', '#', '?' and are long: the item id is their SHA-256.</summary>
    public static string MessageId(string messageId) => "msg-" + Hash(messageId);

    /// <summary>The members of a support group share one logical partition; agent ids may hold any character, so the
    /// item id is their SHA-256 (the agent id is a field of the item).</summary>
    public static string RosterPartition(string group) => $"roster-{group}";

    public static string RosterMember(string agentId) => "member-" + Hash(agentId);

    /// <summary>The dashboard's daily figures of a month share one logical partition (one item per day).</summary>
    public static string DailyPartition(DateOnly day) => $"daily-{day:yyyy-MM}";

    public static string Daily(DateOnly day) => $"daily-{day:yyyy-MM-dd}";

    /// <summary>The justifications of a contract's month share one logical partition; the month (yyyy-MM) comes first so
    /// that any contract name reads back unambiguously.</summary>
    public static string JustificationPartition(string contract, string month) => $"justifications-{month}-{contract}";

    /// <summary>One item per contract, month and indicator; the names may hold any character, so the id is a SHA-256.</summary>
    public static string Justification(string contract, string month, string indicator) => "justification-" + Hash(contract + "\n" + month + "\n" + indicator);

    /// <summary>The closed months of a contract share one logical partition (twelve items a year).</summary>
    public static string ClosedMonthsPartition(string contract) => $"closed-months-{contract}";

    /// <summary>One item per contract and month; the contract may hold any character, so the id is a SHA-256.</summary>
    public static string ClosedMonth(string contract, string month) => "closed-month-" + Hash(contract + "\n" + month);

    /// <summary>A normalized domain holds only letters, digits, '.' and '-', all valid in an item id.</summary>
    public static string Institution(string domain) => "institution-" + domain;

    public static string Knowledge(Guid id) => $"kb-{id:N}";

    public static string Processed(string consumer, string messageId) => "processed-" + Hash(consumer + "\n" + messageId);

    public static string HeartbeatPartition(DateTimeOffset at) => $"heartbeats-{at.UtcDateTime:yyyy-MM}";

    public static string Heartbeat(DateTimeOffset at) => $"heartbeat-{at.UtcDateTime:yyyy-MM-ddTHH-mm}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
