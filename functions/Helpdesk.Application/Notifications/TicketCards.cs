using Helpdesk.Application.Intake;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Application.Identity;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Notifications;

/// <summary>Composes the Teams card of a ticket (protocol, subject with CPF/CNPJ and e-mail masked, group, assignee, remaining
/// business time, reason, link to the ticket page and, with a Teams app id, to the ticket in the Teams tab) as an outbox
/// message, written with the change that causes it.</summary>
public sealed class TicketCards(TicketClocks clocks, IIdGenerator ids, IOptions<IntakeOptions> intakeOptions, IOptions<TeamsTabOptions> teamsTab)
{
    public const string Escalated = "escalated";
    public const string AtRisk = "at-risk";
    public const string Breached = "breached";

    /// <summary>A card is read by everyone in the channel, whatever their role: it shows the most masked view (CPF/CNPJ
    /// and e-mail addresses masked wherever they appear).</summary>
    public static PersonalDataMask ChannelView => PersonalDataMask.Masked;

    /// <summary>The card's outbox id is new, or <paramref name="id"/> when the caller needs the same card to get the same id
    /// every time it is composed (see <see cref="IdFor"/>).</summary>
    public TeamsCard Create(string kind, Ticket ticket, string group, string? assignee, string? reason, DateTimeOffset now, Guid? id = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var protocol = ticket.Protocol.ToString();
        return new TeamsCard(id ?? ids.NewId(), new GroupNotification(
            kind,
            protocol,
            ChannelView.Text(ticket.Subject),
            group,
            assignee,
            clocks.RemainingText(ticket, now),
            ChannelView.OptionalText(reason),
            TicketLinks.Page(intakeOptions.Value.PublicBaseUrl, protocol),
            teamsTab.Value.TicketLink(protocol)));
    }

    /// <summary>A stable id for the card caused by message <paramref name="cause"/> (the first 16 bytes of a SHA-256), so
    /// that composing it again on a redelivery yields the same outbox message, written once and posted once.</summary>
    public static Guid IdFor(Guid cause)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("teams-card:" + cause.ToString("N")), hash);
        return new Guid(hash[..16]);
    }
}
