using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Domain.Audit;

/// <summary>
/// One interaction record with the fields the regulator asks for (seed 002, 5.2.3.2 / 5.4.3.2: protocol, classification,
/// registered and concluded instants, UF, name, CPF/CNPJ, customer code, description, resolved immediately, channel,
/// reopening). <see cref="TaxId"/> holds the digits in full; the exporter decides, per role, whether to mask them.
/// </summary>
/// <param name="Classification">The service-catalogue category (null while unclassified).</param>
/// <param name="ConcludedAt">The last resolution, or the closing/cancellation when there was none.</param>
/// <param name="Uf">The requester's state (from the request, the institution's directory row, or an agent's correction).</param>
/// <param name="CustomerCode">Seed 002's "código do assinante — código ou número do contrato": the institution the
/// requester is served under, by its directory key (its e-mail domain, recorded at registration); the requester's e-mail
/// when the institution is unknown (docs/decisions/ADR-017).</param>
/// <param name="Description">Subject and the requester's first message, as typed.</param>
/// <param name="Reopening">True when the ticket was reopened or continues an earlier closed ticket.</param>
/// <param name="Kind">The type of postulation ("classificação da postulação": complaint, request, information…) of
/// the ticket's catalogue category; null while unclassified or when the category is no longer in the catalogue.</param>
/// <param name="RequesterEmail">The requester's e-mail: the reopening check's requester key when there is no CPF/CNPJ
/// (the customer code names the institution, shared by many requesters).</param>
public sealed record AuditRecord(
    string Protocol,
    string? Classification,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ConcludedAt,
    string? Uf,
    string? Name,
    TaxId? TaxId,
    string CustomerCode,
    string Description,
    bool? ResolvedImmediately,
    Channel Channel,
    bool Reopening,
    TicketKind? Kind = null,
    string? RequesterEmail = null)
{
    /// <summary>Whether the record is a complaint: its category's kind says so, or its category is one of
    /// <paramref name="keywords"/>' complaint categories.</summary>
    public bool IsComplaint(AuditKeywords keywords)
    {
        ArgumentNullException.ThrowIfNull(keywords);
        return Kind == TicketKind.Complaint || keywords.IsComplaintCategory(Classification);
    }

    /// <param name="ticket">The rebuilt ticket.</param>
    /// <param name="catalogue">The service catalogue that gives the category's kind (null: kind unknown).</param>
    public static AuditRecord From(Ticket ticket, SupportCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var firstInbound = ticket.Messages.FirstOrDefault(m => m.Direction == MessageDirection.Inbound);
        var description = firstInbound is null || string.IsNullOrWhiteSpace(firstInbound.Text)
            ? ticket.Subject
            : ticket.Subject + " — " + firstInbound.Text.Trim();
        return new AuditRecord(
            ticket.Protocol.ToString(),
            ticket.Category,
            ticket.RegisteredAt,
            ticket.ResolvedAt ?? ticket.ClosedAt ?? ConcludedByCancellation(ticket),
            ticket.Uf?.Code,
            ticket.RequesterName,
            ticket.RequesterTaxId,
            ticket.InstitutionCode ?? ticket.RequesterEmail.Value,
            description,
            ticket.ResolvedAtFirstContact,
            ticket.Channel,
            ticket.ReopenCount > 0 || ticket.FollowsProtocol is not null,
            catalogue?.FindCategory(ticket.Category)?.Kind,
            ticket.RequesterEmail.Value);
    }

    private static DateTimeOffset? ConcludedByCancellation(Ticket ticket) =>
        ticket.Status == TicketStatus.Cancelled ? ticket.UpdatedAt : null;
}
