using System.Text.Json.Serialization;

namespace Helpdesk.Domain.Tickets.Events;

/// <summary>The ticket was registered with its protocol. <see cref="ReceivedAt"/> is when the request reached us
/// (the e-mail's arrival); the event's own instant is the registration. <see cref="Institution"/> is the requester's
/// institution as the domain table said at registration; <see cref="RequesterTaxId"/> the CPF/CNPJ (digits) if given;
/// <see cref="FollowsProtocol"/> the closed ticket this one continues (a requester answered after the reopening window);
/// <see cref="Uf"/> the requester's state (the request's own, else the institution's); <see cref="InstitutionCode"/> the
/// institution's key in the directory (its e-mail domain), the regulator's customer code (docs/decisions/ADR-017).</summary>
public sealed record TicketRegistered(
    string Protocol,
    string Subject,
    string RequesterEmail,
    string? RequesterName,
    Channel Channel,
    DateTimeOffset ReceivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Institution = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RequesterTaxId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FollowsProtocol = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Uf = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? InstitutionCode = null) : TicketEventData
{
    public override string Kind => "registered";
}
