using Helpdesk.Application.Intake;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Notifications;

/// <summary>Composes the Teams card of a ticket (protocol, subject with CPF/CNPJ masked, group, assignee, remaining
/// business time, reason, link to the ticket page) as an outbox message, written with the change that causes it.</summary>
public sealed class TicketCards(TicketClocks clocks, IIdGenerator ids, IOptions<IntakeOptions> intakeOptions)
{
    public const string Escalated = "escalated";
    public const string AtRisk = "at-risk";
    public const string Breached = "breached";

    public TeamsCard Create(string kind, Ticket ticket, string group, string? assignee, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var protocol = ticket.Protocol.ToString();
        return new TeamsCard(ids.NewId(), new GroupNotification(
            kind,
            protocol,
            TaxIdRedaction.Mask(ticket.Subject),
            group,
            assignee,
            clocks.RemainingText(ticket, now),
            TaxIdRedaction.MaskOptional(reason),
            TicketLinks.Page(intakeOptions.Value.PublicBaseUrl, protocol)));
    }
}
