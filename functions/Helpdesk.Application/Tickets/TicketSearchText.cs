using Helpdesk.Application.Identity;
using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tickets;

/// <summary>The folded text a ticket list's text filter searches: protocol, subject, requester, institution, every
/// message and internal note (capped), so that "acao" finds "Ação". Store adapters keep one per
/// <see cref="PersonalDataView"/> beside the ticket, each built from the ticket as that view shows it, so that a search
/// only matches what the searcher may see (a masked CPF cannot be recovered digit by digit through the filter).</summary>
public static class TicketSearchText
{
    public const int MaxLength = 32_000;

    /// <summary>The full text (for viewers who see everything).</summary>
    public static string For(Ticket ticket) => For(ticket, PersonalDataView.Full);

    public static string For(Ticket ticket, PersonalDataView view)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var shown = view == PersonalDataView.Full ? ticket : MaskedTicket.Shown(ticket, PersonalDataMask.For(view));
        var parts = new List<string?> { shown.Protocol.ToString(), shown.Subject, shown.RequesterEmail.Value, shown.RequesterName, shown.Institution };
        parts.AddRange(shown.Messages.Select(m => m.Text));
        parts.AddRange(shown.Notes.Select(n => n.Text));
        var folded = TextFolding.Fold(string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p))));
        return folded.Length > MaxLength ? folded[..MaxLength] : folded;
    }
}
