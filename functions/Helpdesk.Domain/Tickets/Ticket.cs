using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tickets;

/// <summary>
/// The ticket aggregate. Its state is derived from its history only (events are the single source of truth);
/// every verb appends an event, and the store persists <see cref="PendingEvents"/> atomically.
/// </summary>
public sealed class Ticket
{
    public const int MaxSubjectLength = 300;

    private readonly List<TicketEvent> _history = [];
    private readonly List<TicketMessage> _messages = [];
    private int _committedCount;

    private Ticket(TicketId id) => Id = id;

    public TicketId Id { get; }

    public ProtocolNumber Protocol { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public EmailAddress RequesterEmail { get; private set; }

    public string? RequesterName { get; private set; }

    public Channel Channel { get; private set; }

    public TicketStatus Status { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public IReadOnlyList<TicketMessage> Messages => _messages;

    public IReadOnlyList<TicketEvent> History => _history;

    /// <summary>Events appended since the ticket was loaded (or created), in order.</summary>
    public IReadOnlyList<TicketEvent> PendingEvents => _history.GetRange(_committedCount, _history.Count - _committedCount);

    /// <summary>How many events the store holds for this ticket (the optimistic-concurrency version).</summary>
    public int CommittedVersion => _committedCount;

    public string HeadHash => _history.Count == 0 ? EventHasher.Genesis : _history[^1].Hash;

    public static Ticket Register(TicketId id, ProtocolNumber protocol, NewTicket request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ticket = new Ticket(id);
        var requester = Actor.Requester(request.RequesterEmail);
        ticket.Append(now, requester, new TicketRegistered(
            protocol.ToString(),
            request.Subject,
            request.RequesterEmail.Value,
            request.RequesterName,
            request.Channel,
            request.ReceivedAt));
        ticket.Append(now, requester, new MessageReceived(
            request.MessageId,
            request.RequesterEmail.Value,
            request.Subject,
            request.Description,
            request.Html,
            request.ReceivedAt,
            request.AttachmentCount));
        return ticket;
    }

    /// <summary>Rebuilds a ticket from its stored history (all events committed).</summary>
    public static Ticket Rehydrate(TicketId id, IEnumerable<TicketEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ticket = new Ticket(id);
        foreach (var e in history)
        {
            ticket._history.Add(e);
            ticket.Apply(e);
        }

        if (ticket._history.Count == 0 || ticket._history[0].Data is not TicketRegistered)
        {
            throw new DomainException("ticket.history.invalid", "A ticket's history must start with its registration.");
        }

        ticket._committedCount = ticket._history.Count;
        return ticket;
    }

    /// <summary>Marks the pending events as stored.</summary>
    public void MarkCommitted() => _committedCount = _history.Count;

    /// <summary>A further message from the requester on the same thread.</summary>
    public void AddRequesterMessage(string? messageId, string from, string subject, string text, string? html, DateTimeOffset receivedAt, int attachmentCount, DateTimeOffset now)
    {
        if (messageId is not null && _messages.Exists(m => string.Equals(m.MessageId, messageId, StringComparison.Ordinal)))
        {
            return; // the same message again changes nothing
        }

        Append(now, new Actor("requester", from), new MessageReceived(messageId, from, subject, text, html, receivedAt, attachmentCount));
    }

    /// <summary>Records a message queued for the requester (the store writes the e-mail to the outbox with it).</summary>
    public void RecordMessageSent(string messageId, string subject, string text, string purpose, Actor actor, DateTimeOffset now) =>
        Append(now, actor, new MessageSent(messageId, RequesterEmail.Value, subject, text, purpose));

    private void Append(DateTimeOffset at, Actor actor, TicketEventData data)
    {
        var e = EventHasher.Chain(_history.Count == 0 ? null : _history[^1], at, actor, data);
        _history.Add(e);
        Apply(e);
    }

    private void Apply(TicketEvent e)
    {
        switch (e.Data)
        {
            case TicketRegistered r:
                Protocol = ProtocolNumber.TryParse(r.Protocol, out var p)
                    ? p
                    : throw new DomainException("ticket.protocol.invalid", "The registration carries an invalid protocol.");
                Subject = r.Subject;
                RequesterEmail = EmailAddress.Parse(r.RequesterEmail);
                RequesterName = r.RequesterName;
                Channel = r.Channel;
                ReceivedAt = r.ReceivedAt;
                RegisteredAt = e.At;
                Status = TicketStatus.New;
                break;
            case MessageReceived m:
                _messages.Add(new TicketMessage(MessageDirection.Inbound, m.MessageId, m.From, m.Subject, m.Text, m.Html, m.ReceivedAt, null));
                break;
            case MessageSent s:
                _messages.Add(new TicketMessage(MessageDirection.Outbound, s.MessageId, s.To, s.Subject, s.Text, null, e.At, s.Purpose));
                break;
            default:
                throw new DomainException("ticket.event.unknown", $"Unknown event kind {e.Data.Kind}.");
        }
    }
}
