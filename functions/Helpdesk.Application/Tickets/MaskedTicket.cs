using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Application.Tickets;

/// <summary>
/// A ticket as one viewer may see it: the same ticket rebuilt from its history with every personal field of every entry
/// masked for the viewer's <see cref="PersonalDataView"/> (<see cref="PersonalFields"/>). State, versions and hashes are
/// the stored ones, so the view can be worked on screen like the ticket itself; only what it shows differs. The JSON API,
/// the pages, the Teams card and the exports build their output from it, never from the stored ticket.
/// </summary>
public sealed class MaskedTicket
{
    private MaskedTicket(Ticket ticket, IReadOnlyList<TicketEvent> history, string? requesterTaxId, bool historyVerified, PersonalDataMask mask)
    {
        Ticket = ticket;
        History = history;
        RequesterTaxId = requesterTaxId;
        HistoryVerified = historyVerified;
        Mask = mask;
    }

    /// <summary>The ticket rebuilt from the masked history (its <see cref="Ticket.RequesterTaxId"/> is null unless the
    /// view shows tax ids: use <see cref="RequesterTaxId"/>).</summary>
    public Ticket Ticket { get; }

    /// <summary>The history as shown: personal fields masked (the registration's CPF/CNPJ in its shown form), sequence,
    /// instants and hashes as stored.</summary>
    public IReadOnlyList<TicketEvent> History { get; }

    /// <summary>The requester's CPF/CNPJ as shown (formatted or masked), null when none was given.</summary>
    public string? RequesterTaxId { get; }

    /// <summary>Whether the stored history's hash chain verifies (checked on the stored entries, not the masked ones).</summary>
    public bool HistoryVerified { get; }

    public PersonalDataMask Mask { get; }

    public static MaskedTicket For(Ticket ticket, AgentIdentity viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return For(ticket, PersonalDataMask.For(viewer));
    }

    public static MaskedTicket For(Ticket ticket, PersonalDataMask mask)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(mask);
        var verified = HistoryVerification.Verify(ticket.History, ticket.HeadHash).IsValid;
        var (state, shown) = Rebuild(ticket, mask);
        return new MaskedTicket(state, shown, mask.TaxId(ticket.RequesterTaxId), verified, mask);
    }

    /// <summary>Only the ticket as the view shows it (what <see cref="For(Ticket, PersonalDataMask)"/> puts in
    /// <see cref="Ticket"/>), without checking the hash chain: for the stores' per-view search texts, which are written on
    /// every change of a ticket (issue 21: the check there cost every write two chain verifications).</summary>
    public static Ticket Shown(Ticket ticket, PersonalDataMask mask)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(mask);
        return Rebuild(ticket, mask).State;
    }

    private static (Ticket State, List<TicketEvent> Shown) Rebuild(Ticket ticket, PersonalDataMask mask)
    {
        var shown = ticket.History.Select(e => PersonalFields.Rewrite(e, mask.Rewrite)).ToList();
        var state = mask.ShowsTaxIds
            ? Ticket.Rehydrate(ticket.Id, shown)
            : Ticket.Rehydrate(ticket.Id, shown.Select(e => e.Data is TicketRegistered r ? e with { Data = r with { RequesterTaxId = null } } : e));
        return (state, shown);
    }

    /// <summary>A list row as the viewer may see it: subject, name and e-mail masked like the ticket's own fields.</summary>
    public static TicketSummary Row(TicketSummary row, PersonalDataMask mask)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(mask);
        return row with { Subject = mask.Text(row.Subject), RequesterEmail = mask.Address(row.RequesterEmail), RequesterName = mask.OptionalText(row.RequesterName) };
    }
}
