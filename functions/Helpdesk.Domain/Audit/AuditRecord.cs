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
/// <param name="Uf">The requester's state; the product does not capture it yet, so it is always null (an honest blank).</param>
/// <param name="CustomerCode">The requester's e-mail address: the only stable requester key the desk has.</param>
/// <param name="Description">Subject and the requester's first message, as typed.</param>
/// <param name="Reopening">True when the ticket was reopened or continues an earlier closed ticket.</param>
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
    bool Reopening)
{
    public static AuditRecord From(Ticket ticket)
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
            Uf: null,
            ticket.RequesterName,
            ticket.RequesterTaxId,
            ticket.RequesterEmail.Value,
            description,
            ticket.ResolvedAtFirstContact,
            ticket.Channel,
            ticket.ReopenCount > 0 || ticket.FollowsProtocol is not null);
    }

    private static DateTimeOffset? ConcludedByCancellation(Ticket ticket) =>
        ticket.Status == TicketStatus.Cancelled ? ticket.UpdatedAt : null;
}
