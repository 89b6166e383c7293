using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;
using Helpdesk.Domain.Tickets.History;

namespace Helpdesk.Domain.Tickets;

/// <summary>
/// The ticket aggregate. Its state is derived from its history only (events are the single source of truth);
/// every verb checks the move is legal in the current status (else <see cref="DomainException"/> with a code of
/// <see cref="TicketErrors"/>), appends an event only when something really changes, and returns whether it did.
/// The store persists <see cref="PendingEvents"/> atomically.
/// </summary>
/// <remarks>
/// Lifecycle: new → open at level 1 (an agent takes it) → optionally escalated to a level-2 group (still open) →
/// pending on requester (clock suspended) ⇄ open → resolved → closed; resolved → open again when the requester answers
/// within the reopening window; new/open/pending → cancelled, or merged into another ticket. An open level-2 ticket may be
/// forwarded to an external team and stays open until the team's return is recorded (docs/decisions/ADR-011).
/// </remarks>
public sealed partial class Ticket
{
    public const int MaxSubjectLength = 300;
    public const int MaxReasonLength = 2_000;
    public const int MaxTextLength = 100_000;
    public const int MaxCodeLength = 64;
    public const int MaxReferenceLength = 200;

    private readonly List<TicketEvent> _history = [];
    private readonly List<TicketMessage> _messages = [];
    private readonly List<InternalNote> _notes = [];
    private readonly List<Suspension> _suspensions = [];
    private readonly List<string> _duplicates = [];
    private readonly List<ExternalHandOff> _externalHandOffs = [];
    private readonly HashSet<string> _routedEscalations = new(StringComparer.Ordinal);
    private readonly Dictionary<DateTimeOffset, DeadlineStage> _deadlineAlerts = [];
    private int _committedCount;

    private Ticket(TicketId id) => Id = id;

    public TicketId Id { get; }

    public ProtocolNumber Protocol { get; private set; }

    public string Subject { get; private set; } = string.Empty;

    public EmailAddress RequesterEmail { get; private set; }

    public string? RequesterName { get; private set; }

    public TaxId? RequesterTaxId { get; private set; }

    public string? Institution { get; private set; }

    /// <summary>The institution's key in the directory (its e-mail domain) at registration, if known.</summary>
    public string? InstitutionCode { get; private set; }

    /// <summary>The requester's state (UF): from the request or the institution at registration, or as an agent set it.</summary>
    public Uf? Uf { get; private set; }

    public Channel Channel { get; private set; }

    public TicketStatus Status { get; private set; }

    /// <summary>Support level: 1 until escalated, then 2.</summary>
    public int Level { get; private set; } = SupportGroup.Level1;

    /// <summary>The support group that holds the ticket (null: the level-1 service desk as a whole).</summary>
    public string? Group { get; private set; }

    /// <summary>The agent (user id) who holds the ticket, if any.</summary>
    public string? Assignee { get; private set; }

    public string? Category { get; private set; }

    public string? Priority { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>The first public reply of an agent (first response), if any.</summary>
    public DateTimeOffset? FirstResponseAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public bool? ResolvedAtFirstContact { get; private set; }

    public string? Resolution { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Whether the ticket was ever escalated to level 2.</summary>
    public bool WasEscalated { get; private set; }

    public int ReopenCount { get; private set; }

    /// <summary>The ticket this duplicate was merged into.</summary>
    public ProtocolNumber? MergedInto { get; private set; }

    /// <summary>The closed ticket this one continues, if any.</summary>
    public ProtocolNumber? FollowsProtocol { get; private set; }

    public SatisfactionRating? Rating { get; private set; }

    /// <summary>When the ticket last changed (its last event).</summary>
    public DateTimeOffset UpdatedAt => _history.Count == 0 ? RegisteredAt : _history[^1].At;

    /// <summary>Whether work can still happen on it (new, open or pending).</summary>
    public bool IsActive => Status is TicketStatus.New or TicketStatus.Open or TicketStatus.PendingOnRequester;

    public IReadOnlyList<TicketMessage> Messages => _messages;

    public IReadOnlyList<InternalNote> Notes => _notes;

    /// <summary>The intervals in which the SLA clock was suspended (pending on requester), in order.</summary>
    public IReadOnlyList<Suspension> Suspensions => _suspensions;

    /// <summary>Protocols of the duplicates merged into this ticket.</summary>
    public IReadOnlyList<string> Duplicates => _duplicates;

    public IReadOnlyList<TicketEvent> History => _history;

    /// <summary>Every forwarding to an external team, in order (the last may still be open).</summary>
    public IReadOnlyList<ExternalHandOff> ExternalHandOffs => _externalHandOffs;

    /// <summary>The external team that has the ticket now, if any (an ended ticket is with nobody).</summary>
    public ExternalHandOff? CurrentExternalHandOff => IsActive && _externalHandOffs.Count > 0 && _externalHandOffs[^1].IsOpen ? _externalHandOffs[^1] : null;

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
            request.ReceivedAt,
            request.Institution,
            request.RequesterTaxId?.Value,
            request.FollowsProtocol?.ToString(),
            request.Uf?.Code,
            request.InstitutionCode));
        ticket.Append(now, requester, new MessageReceived(
            request.MessageId,
            request.RequesterEmail.Value,
            request.Subject,
            request.Description,
            request.Html,
            request.ReceivedAt,
            request.AttachmentCount,
            request.Attachments.KeptOrNull,
            request.Attachments.RefusedOrNull));
        return ticket;
    }

    /// <summary>Whether the escalation with this id (its hand-off message's outbox id) was already routed.</summary>
    public bool WasRouted(string escalationId) => _routedEscalations.Contains(escalationId);

    /// <summary>The latest stage alerted for the resolution deadline <paramref name="dueAt"/> (None: not alerted).</summary>
    public DeadlineStage AlertedStage(DateTimeOffset dueAt) => _deadlineAlerts.GetValueOrDefault(dueAt.ToUniversalTime(), DeadlineStage.None);

    /// <summary>Rebuilds a ticket from its stored history (all events committed).</summary>
    public static Ticket Rehydrate(TicketId id, IEnumerable<TicketEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ticket = new Ticket(id);
        foreach (var e in history)
        {
            if (ticket._history.Count == 0 && e.Data is not TicketRegistered)
            {
                break;
            }

            ticket._history.Add(e);
            ticket.Apply(e);
        }

        if (ticket._history.Count == 0)
        {
            throw new DomainException("ticket.history.invalid", "A ticket's history must start with its registration.");
        }

        ticket._committedCount = ticket._history.Count;
        return ticket;
    }

    /// <summary>Marks the pending events as stored.</summary>
    public void MarkCommitted() => _committedCount = _history.Count;
}
