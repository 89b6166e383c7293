using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tickets;

/// <summary>The folded text a ticket list's text filter searches: protocol, subject, requester, institution, every
/// message and internal note (capped), so that "acao" finds "Ação". Store adapters keep it beside the ticket.</summary>
public static class TicketSearchText
{
    public const int MaxLength = 32_000;

    public static string For(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var parts = new List<string?> { ticket.Protocol.ToString(), ticket.Subject, ticket.RequesterEmail.Value, ticket.RequesterName, ticket.Institution };
        parts.AddRange(ticket.Messages.Select(m => m.Text));
        parts.AddRange(ticket.Notes.Select(n => n.Text));
        var folded = TextFolding.Fold(string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p))));
        return folded.Length > MaxLength ? folded[..MaxLength] : folded;
    }
}
