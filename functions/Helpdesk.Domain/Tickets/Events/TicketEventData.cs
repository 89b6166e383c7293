using System.Text.Json.Serialization;

namespace Helpdesk.Domain.Tickets.Events;

/// <summary>What happened to a ticket. Each concrete record is one kind of event in the append-only history.
/// Property order is part of the hash (see <see cref="History.EventHasher"/>): append new properties at the end,
/// and give an appended property <c>[property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]</c>
/// so that events stored before it existed keep their hash.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketRegistered), "registered")]
[JsonDerivedType(typeof(MessageReceived), "messageReceived")]
[JsonDerivedType(typeof(MessageSent), "messageSent")]
[JsonDerivedType(typeof(TicketAssigned), "assigned")]
[JsonDerivedType(typeof(TicketEscalated), "escalated")]
[JsonDerivedType(typeof(TicketPendingOnRequester), "pendingOnRequester")]
[JsonDerivedType(typeof(TicketResumed), "resumed")]
[JsonDerivedType(typeof(TicketResolved), "resolved")]
[JsonDerivedType(typeof(TicketReopened), "reopened")]
[JsonDerivedType(typeof(TicketClosed), "closed")]
[JsonDerivedType(typeof(TicketCancelled), "cancelled")]
[JsonDerivedType(typeof(TicketMerged), "merged")]
[JsonDerivedType(typeof(DuplicateMerged), "duplicateMerged")]
[JsonDerivedType(typeof(InternalNoteAdded), "internalNote")]
[JsonDerivedType(typeof(TicketClassified), "classified")]
[JsonDerivedType(typeof(SatisfactionRated), "satisfactionRated")]
[JsonDerivedType(typeof(TicketForwardedToExternalTeam), "forwardedToExternalTeam")]
[JsonDerivedType(typeof(ExternalTeamReturned), "externalTeamReturned")]
[JsonDerivedType(typeof(EscalationRouted), "escalationRouted")]
[JsonDerivedType(typeof(DeadlineAlerted), "deadlineAlerted")]
[JsonDerivedType(typeof(TicketUfChanged), "ufChanged")]
[JsonDerivedType(typeof(MessageUndelivered), "messageUndelivered")]
[JsonDerivedType(typeof(PersonalDataErased), "personalDataErased")]
public abstract record TicketEventData
{
    /// <summary>The stable name of the event kind (the JSON discriminator).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }
}
