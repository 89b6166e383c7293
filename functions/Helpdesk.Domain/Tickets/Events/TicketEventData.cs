using System.Text.Json.Serialization;

namespace Helpdesk.Domain.Tickets.Events;

/// <summary>What happened to a ticket. Each concrete record is one kind of event in the append-only history.
/// Property order is part of the hash (see <see cref="History.EventHasher"/>): append new properties at the end.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketRegistered), "registered")]
[JsonDerivedType(typeof(MessageReceived), "messageReceived")]
[JsonDerivedType(typeof(MessageSent), "messageSent")]
public abstract record TicketEventData
{
    /// <summary>The stable name of the event kind (the JSON discriminator).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}
