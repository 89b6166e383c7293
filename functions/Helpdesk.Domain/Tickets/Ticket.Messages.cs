using Helpdesk.Domain.Attachments;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets;

/// <summary>Messages and notes: what the requester writes, what is sent to them, agents' replies and internal notes.</summary>
public sealed partial class Ticket
{
    /// <summary>A further message from the requester on the same thread. While pending, it ends the pendency; on a
    /// resolved ticket within <paramref name="reopenWindow"/> of the resolution it reopens the ticket; on a closed or
    /// cancelled ticket, or after the window, nothing changes and the caller opens a new ticket that follows this one.</summary>
    public RequesterReplyOutcome ReceiveRequesterMessage(
        string? messageId, string from, string subject, string text, string? html, DateTimeOffset receivedAt, int attachmentCount, TimeSpan reopenWindow, DateTimeOffset now, MessageAttachments? attachments = null)
    {
        if (messageId is not null && _messages.Exists(m => string.Equals(m.MessageId, messageId, StringComparison.Ordinal)))
        {
            return RequesterReplyOutcome.Duplicate;
        }

        switch (Status)
        {
            case TicketStatus.Merged:
                return RequesterReplyOutcome.MergedElsewhere;
            case TicketStatus.Closed or TicketStatus.Cancelled:
                return RequesterReplyOutcome.NeedsNewTicket;
            case TicketStatus.Resolved when ResolvedAt is { } resolvedAt && receivedAt - resolvedAt > reopenWindow:
                return RequesterReplyOutcome.NeedsNewTicket;
        }

        if (!IsCorrespondent(from))
        {
            var note = $"Mensagem de {from}, que não é o solicitante deste chamado, recebida em resposta à conversa. Registrada só como nota interna: não reabre nem retoma o chamado.\nAssunto: {subject}\n\n{text}";
            Append(now, ThirdPartyMail, new InternalNoteAdded(note.Length > MaxTextLength ? note[..MaxTextLength] : note));
            return RequesterReplyOutcome.NotedFromThirdParty;
        }

        var actor = new Actor("requester", from);
        Append(now, actor, new MessageReceived(messageId, from, subject, text, html, receivedAt, attachmentCount, attachments?.KeptOrNull, attachments?.RefusedOrNull));
        if (Status == TicketStatus.PendingOnRequester)
        {
            Append(now, actor, new TicketResumed("O solicitante respondeu."));
            return RequesterReplyOutcome.Resumed;
        }

        if (Status == TicketStatus.Resolved)
        {
            Append(now, actor, new TicketReopened("O solicitante respondeu dentro do prazo de reabertura."));
            return RequesterReplyOutcome.Reopened;
        }

        return RequesterReplyOutcome.Added;
    }

    /// <summary>Who records a third party's message as a note (the intake, not an agent).</summary>
    public static Actor ThirdPartyMail { get; } = new("system", "intake-third-party");

    /// <summary>
    /// Whether <paramref name="address"/> may write into this ticket as its requester (and so reopen or resume it): the
    /// requester's address, or an address whose messages the ticket already holds as the requester's. Anyone else who
    /// threads by a Message-ID (a person in copy) only leaves an internal note: reopenings count in the regulator's
    /// records, so a stranger must not make one.
    /// </summary>
    public bool IsCorrespondent(string address) =>
        string.Equals(address, RequesterEmail.Value, StringComparison.OrdinalIgnoreCase) ||
        _messages.Exists(m => m.Direction == MessageDirection.Inbound && string.Equals(m.Party, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>Kept for the intake's simple threading: adds the message with no reopening window.</summary>
    public void AddRequesterMessage(string? messageId, string from, string subject, string text, string? html, DateTimeOffset receivedAt, int attachmentCount, DateTimeOffset now) =>
        ReceiveRequesterMessage(messageId, from, subject, text, html, receivedAt, attachmentCount, TimeSpan.MaxValue, now);

    /// <summary>Records a message queued for the requester (the store writes the e-mail to the outbox with it).</summary>
    public void RecordMessageSent(string messageId, string subject, string text, string purpose, Actor actor, DateTimeOffset now) =>
        Append(now, actor, new MessageSent(messageId, RequesterEmail.Value, subject, text, purpose));

    /// <summary>Records that a delivery report came back for the message <paramref name="messageId"/> this ticket sent.
    /// Returns false (and changes nothing) when the ticket sent no such message or the failure is recorded already, so
    /// a repeated report changes nothing. Allowed in every status: it documents what happened to the mail.</summary>
    public bool RecordUndelivered(string messageId, string? status, DateTimeOffset now)
    {
        var sent = _messages.Exists(m => m.Direction == MessageDirection.Outbound && string.Equals(m.MessageId, messageId, StringComparison.Ordinal));
        var known = History.Any(e => e.Data is MessageUndelivered u && string.Equals(u.MessageId, messageId, StringComparison.Ordinal));
        if (!sent || known)
        {
            return false;
        }

        Append(now, Actor.System, new MessageUndelivered(messageId, status));
        return true;
    }

    /// <summary>A public reply of an agent, queued as e-mail by the caller with <paramref name="messageId"/>.</summary>
    public void Reply(string messageId, string subject, string text, Actor agent, DateTimeOffset now, IReadOnlyList<AttachmentRef>? attachments = null)
    {
        Require(agent);
        RequireStatus("reply", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester, TicketStatus.Resolved);
        Append(now, agent, new MessageSent(messageId, RequesterEmail.Value, subject, RequireText(text), MessagePurposes.Reply, attachments is { Count: > 0 } ? attachments : null));
    }

    /// <summary>Every file kept on the ticket (received and sent), oldest first: what an export lists and what an
    /// anonymization removes (LGPD, issue 19). The same bytes may appear under several ids.</summary>
    public IReadOnlyList<AttachmentRef> AttachmentReferences() => [.. _messages.SelectMany(m => m.Attachments)];

    /// <summary>The file with <paramref name="attachmentId"/> on any of the ticket's messages, or null.</summary>
    public AttachmentRef? FindAttachment(string attachmentId) =>
        _messages.SelectMany(m => m.Attachments).FirstOrDefault(a => string.Equals(a.Id, attachmentId, StringComparison.Ordinal));

    /// <summary>A note for agents only; allowed in every status (notes document the ticket even after it ends).</summary>
    public void AddInternalNote(string text, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        Append(now, agent, new InternalNoteAdded(RequireText(text)));
    }
}
