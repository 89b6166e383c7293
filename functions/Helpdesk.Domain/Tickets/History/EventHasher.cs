using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets.History;

/// <summary>
/// The hash chain of a ticket's history: SHA-256 over the previous hash and a canonical JSON form of the entry
/// (sequence, instant in UTC with ticks, actor, event data). The first entry chains to <see cref="Genesis"/>.
/// </summary>
public static class EventHasher
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The serializer options that define the canonical form of event data (also used to store it).</summary>
    public static JsonSerializerOptions CanonicalJson { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    public static string Compute(string previousHash, int sequence, DateTimeOffset at, Actor actor, TicketEventData data)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var payload = JsonSerializer.Serialize(data, CanonicalJson);
        var text = string.Join(
            '\n',
            previousHash,
            sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
            at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            actor.Kind,
            actor.Id,
            payload);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static TicketEvent Chain(TicketEvent? previous, DateTimeOffset at, Actor actor, TicketEventData data)
    {
        var sequence = previous is null ? 1 : previous.Sequence + 1;
        var previousHash = previous?.Hash ?? Genesis;
        return new TicketEvent(sequence, at, actor, data, previousHash, Compute(previousHash, sequence, at, actor, data));
    }
}
