using System.Text.Json.Serialization;

namespace Helpdesk.Domain.Tickets.Events;

/// <summary>An agent corrected the requester's UF (state) on the ticket: <see cref="Uf"/> is the new code (null: cleared),
/// <see cref="PreviousUf"/> the one it replaces, so that the history alone tells an auditor what changed.</summary>
public sealed record TicketUfChanged(
    string? Uf,
    string? PreviousUf,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null) : TicketEventData
{
    public override string Kind => "ufChanged";
}
