using System.Text.Json.Serialization;

namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket was registered with its protocol. <see cref="ReceivedAt"/> is when the request reached us
/// (the e-mail's arrival); the event's own instant is the registration. <see cref="Institution"/> is the requester's
/// institution as the domain table said at registration; <see cref="RequesterTaxId"/> the CPF/CNPJ (digits) if given;
/// <see cref="FollowsProtocol"/> the closed ticket this one continues (a requester answered after the reopening window).</summary>
public sealed record TicketRegistered(
    string Protocol,
    string Subject,
    string RequesterEmail,
    string? RequesterName,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Institution = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequesterTaxId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FollowsProtocol = null) : TicketEventData
{
    public override string Kind => "registered";
}
