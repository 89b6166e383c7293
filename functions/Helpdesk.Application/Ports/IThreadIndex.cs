namespace Helpdesk.Application.Ports;

/// <summary>
/// The thread index beside the ticket store: which ticket a Message-ID belongs to. The store fills it as tickets are
/// written; a mail transport that gives a sent message a Message-ID of its own (Microsoft Graph does) adds that id
/// here, so that a requester's answer (In-Reply-To/References) threads onto the ticket.
/// </summary>
public interface IThreadIndex
{
    /// <summary>Records that <paramref name="messageId"/> (without angle brackets) belongs to <paramref name="ticket"/>.
    /// Idempotent; an id that already belongs to another ticket keeps pointing there.</summary>
    Task AddMessageIdAsync(TicketRef ticket, string messageId, CancellationToken cancellationToken);
}
