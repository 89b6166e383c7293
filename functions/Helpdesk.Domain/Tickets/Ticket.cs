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
public sealed class Ticket
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
            request.AttachmentCount));
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

    /// <summary>A further message from the requester on the same thread. While pending, it ends the pendency; on a
    /// resolved ticket within <paramref name="reopenWindow"/> of the resolution it reopens the ticket; on a closed or
    /// cancelled ticket, or after the window, nothing changes and the caller opens a new ticket that follows this one.</summary>
    public RequesterReplyOutcome ReceiveRequesterMessage(
        string? messageId, string from, string subject, string text, string? html, DateTimeOffset receivedAt, int attachmentCount, TimeSpan reopenWindow, DateTimeOffset now)
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

        var actor = new Actor("requester", from);
        Append(now, actor, new MessageReceived(messageId, from, subject, text, html, receivedAt, attachmentCount));
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

    /// <summary>Kept for the intake's simple threading: adds the message with no reopening window.</summary>
    public void AddRequesterMessage(string? messageId, string from, string subject, string text, string? html, DateTimeOffset receivedAt, int attachmentCount, DateTimeOffset now) =>
        ReceiveRequesterMessage(messageId, from, subject, text, html, receivedAt, attachmentCount, TimeSpan.MaxValue, now);

    /// <summary>Records a message queued for the requester (the store writes the e-mail to the outbox with it).</summary>
    public void RecordMessageSent(string messageId, string subject, string text, string purpose, Actor actor, DateTimeOffset now) =>
        Append(now, actor, new MessageSent(messageId, RequesterEmail.Value, subject, text, purpose));

    /// <summary>A public reply of an agent, queued as e-mail by the caller with <paramref name="messageId"/>.</summary>
    public void Reply(string messageId, string subject, string text, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        RequireStatus("reply", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester, TicketStatus.Resolved);
        RecordMessageSent(messageId, subject, RequireText(text), MessagePurposes.Reply, agent, now);
    }

    /// <summary>A note for agents only; allowed in every status (notes document the ticket even after it ends).</summary>
    public void AddInternalNote(string text, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        Append(now, agent, new InternalNoteAdded(RequireText(text)));
    }

    /// <summary>An agent takes the ticket or gives it to <paramref name="assignee"/> (null: nobody). A new ticket becomes
    /// open. <paramref name="group"/>, if given, must be of the ticket's level.</summary>
    public bool Assign(string? assignee, SupportGroup? group, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        RequireStatus("assign", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester);
        assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (group is not null && group.Level != Level)
        {
            throw new DomainException(TicketErrors.GroupLevelMismatch, $"Group {group.Code} is a level-{group.Level} group; the ticket is at level {Level}.");
        }

        var newGroup = group?.Code ?? Group;
        var opens = Status == TicketStatus.New && assignee is not null;
        if (!opens && string.Equals(assignee, Assignee, StringComparison.Ordinal) && string.Equals(newGroup, Group, StringComparison.Ordinal))
        {
            return false;
        }

        Append(now, agent, new TicketAssigned(assignee, newGroup));
        return true;
    }

    /// <summary>Hands the ticket to a level-2 group with the reason level 1 could not resolve it (or moves it to another
    /// level-2 group). The assignee is cleared; a new ticket becomes open.</summary>
    public bool Escalate(SupportGroup group, string reason, Actor agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        Require(agent);
        RequireStatus("escalate", TicketStatus.New, TicketStatus.Open);
        var why = RequireReason(reason);
        if (group.Level != SupportGroup.Level2)
        {
            throw new DomainException(TicketErrors.EscalationTargetNotLevel2, $"Group {group.Code} is not a level-2 group.");
        }

        if (Level == SupportGroup.Level2 && string.Equals(Group, group.Code, StringComparison.Ordinal))
        {
            return false;
        }

        Append(now, agent, new TicketEscalated(Level, SupportGroup.Level2, group.Code, why));
        return true;
    }

    /// <summary>Routes an escalation: gives the level-2 ticket to <paramref name="group"/> and <paramref name="assignee"/>
    /// (null: nobody available) with the routing <paramref name="explanation"/>. False when this escalation was routed
    /// already (a redelivered hand-off) or the ticket is no longer active at level 2 (resolved, cancelled or merged
    /// before the hand-off was handled): then nothing changes.</summary>
    public bool RouteEscalation(string escalationId, SupportGroup group, string explanation, string? assignee, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(group);
        Require(actor);
        var id = RequireCode(escalationId, nameof(escalationId));
        if (_routedEscalations.Contains(id) || !IsActive || Level != SupportGroup.Level2)
        {
            return false;
        }

        if (group.Level != SupportGroup.Level2)
        {
            throw new DomainException(TicketErrors.EscalationTargetNotLevel2, $"Group {group.Code} is not a level-2 group.");
        }

        assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        Append(now, actor, new EscalationRouted(id, group.Code, RequireReason(explanation), assignee));
        return true;
    }

    /// <summary>Records that the deadline <paramref name="dueAt"/> reached <paramref name="stage"/> and people were told
    /// (the caller writes the notification to the outbox in the same write). False when that stage, or a later one, was
    /// already alerted for this deadline, or the ticket is no longer active.</summary>
    public bool AlertDeadline(DeadlineStage stage, DateTimeOffset dueAt, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (stage == DeadlineStage.None || !IsActive || AlertedStage(dueAt) >= stage)
        {
            return false;
        }

        Append(now, actor, new DeadlineAlerted(stage, dueAt.ToUniversalTime()));
        return true;
    }

    /// <summary>The ticket waits on the requester: the clock is suspended until they answer or an agent resumes.</summary>
    public bool SetPendingOnRequester(string reason, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Status == TicketStatus.PendingOnRequester)
        {
            return false;
        }

        RequireStatus("setPending", TicketStatus.Open);
        Append(now, agent, new TicketPendingOnRequester(RequireReason(reason)));
        return true;
    }

    /// <summary>Ends the pendency (e.g. the requester answered by phone).</summary>
    public bool Resume(string reason, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Status == TicketStatus.Open)
        {
            return false;
        }

        RequireStatus("resume", TicketStatus.PendingOnRequester);
        Append(now, agent, new TicketResumed(RequireReason(reason)));
        return true;
    }

    /// <summary>Resolves the ticket. First-contact resolution is only possible for a ticket never escalated nor reopened.</summary>
    public bool Resolve(bool resolvedAtFirstContact, string resolution, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Status == TicketStatus.Resolved)
        {
            return false;
        }

        RequireStatus("resolve", TicketStatus.Open, TicketStatus.PendingOnRequester);
        if (CurrentExternalHandOff is { } handOff)
        {
            throw new DomainException(TicketErrors.ResolveAtExternalTeam, $"Ticket {Protocol} is with the external team {handOff.Team} ({handOff.Reference}): record its return first.");
        }

        var text = RequireText(resolution);
        if (resolvedAtFirstContact && WasEscalated)
        {
            throw new DomainException(TicketErrors.FirstContactAfterEscalation, "An escalated ticket was not resolved at first contact.");
        }

        if (resolvedAtFirstContact && ReopenCount > 0)
        {
            throw new DomainException(TicketErrors.FirstContactAfterReopening, "A reopened ticket was not resolved at first contact.");
        }

        Append(now, agent, new TicketResolved(resolvedAtFirstContact, text));
        return true;
    }

    /// <summary>Reopens a resolved ticket (an agent's decision; the requester reopens by answering, see
    /// <see cref="ReceiveRequesterMessage"/>).</summary>
    public bool Reopen(string reason, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (Status == TicketStatus.Open)
        {
            return false;
        }

        RequireStatus("reopen", TicketStatus.Resolved);
        Append(now, actor, new TicketReopened(RequireReason(reason)));
        return true;
    }

    /// <summary>Closes a resolved ticket for good.</summary>
    public bool Close(string reason, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (Status == TicketStatus.Closed)
        {
            return false;
        }

        RequireStatus("close", TicketStatus.Resolved);
        Append(now, actor, new TicketClosed(RequireReason(reason)));
        return true;
    }

    public bool Cancel(string reason, Actor actor, DateTimeOffset now)
    {
        Require(actor);
        if (Status == TicketStatus.Cancelled)
        {
            return false;
        }

        RequireStatus("cancel", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester);
        Append(now, actor, new TicketCancelled(RequireReason(reason)));
        return true;
    }

    /// <summary>This ticket duplicates <paramref name="target"/>: it ends as merged. The caller records the duplicate on
    /// the target with <see cref="AcceptDuplicate"/>.</summary>
    public bool MergeInto(Ticket target, string reason, Actor agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        Require(agent);
        if (target.Id == Id)
        {
            throw new DomainException(TicketErrors.MergeIntoItself, "A ticket cannot be merged into itself.");
        }

        if (Status == TicketStatus.Merged)
        {
            return MergedInto == target.Protocol
                ? false
                : throw new DomainException(TicketErrors.IllegalTransition, $"Ticket {Protocol} was already merged into {MergedInto}.");
        }

        RequireStatus("merge", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester);
        if (!target.IsActive)
        {
            throw new DomainException(TicketErrors.MergeTargetNotActive, $"Ticket {target.Protocol} is {target.Status}: merge into an active ticket.");
        }

        Append(now, agent, new TicketMerged(target.Protocol.ToString(), RequireReason(reason)));
        return true;
    }

    /// <summary>Records that <paramref name="duplicate"/> was merged into this ticket.</summary>
    public bool AcceptDuplicate(ProtocolNumber duplicate, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (duplicate == Protocol)
        {
            throw new DomainException(TicketErrors.MergeIntoItself, "A ticket cannot be merged into itself.");
        }

        if (_duplicates.Contains(duplicate.ToString()))
        {
            return false;
        }

        if (!IsActive)
        {
            throw new DomainException(TicketErrors.MergeTargetNotActive, $"Ticket {Protocol} is {Status}: merge into an active ticket.");
        }

        Append(now, agent, new DuplicateMerged(duplicate.ToString()));
        return true;
    }

    /// <summary>Classifies the ticket in the service catalogue (codes checked against the catalogue by the caller).</summary>
    public bool Classify(string category, string priority, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        RequireStatus("classify", TicketStatus.New, TicketStatus.Open, TicketStatus.PendingOnRequester, TicketStatus.Resolved);
        var c = RequireCode(category, nameof(category));
        var p = RequireCode(priority, nameof(priority));
        if (string.Equals(c, Category, StringComparison.Ordinal) && string.Equals(p, Priority, StringComparison.Ordinal))
        {
            return false;
        }

        Append(now, agent, new TicketClassified(c, p));
        return true;
    }

    /// <summary>An agent sets (or clears, with null) the requester's UF. Allowed in every status: it corrects the record
    /// the regulator reads, like a note documents a ticket after it ends. Setting the same UF again changes nothing.</summary>
    public bool ChangeUf(Uf? uf, string? reason, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        if (Uf == uf)
        {
            return false;
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why is { Length: > MaxReasonLength })
        {
            throw new DomainException(TicketErrors.TextTooLong, $"The reason is longer than {MaxReasonLength} characters.");
        }

        Append(now, agent, new TicketUfChanged(uf?.Code, Uf?.Code, why));
        return true;
    }

    /// <summary>Level 2 forwards the open ticket to an external team, naming that team's own record. The ticket stays
    /// open at level 2 with the team (see <see cref="CurrentExternalHandOff"/>) until its return is recorded. Forwarding
    /// again to the same team and record changes nothing; to another, the return must be recorded first.</summary>
    public bool ForwardToExternalTeam(ExternalTeam team, string reference, string reason, Actor agent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(team);
        Require(agent);
        RequireStatus("forward", TicketStatus.Open);
        if (Level != SupportGroup.Level2)
        {
            throw new DomainException(TicketErrors.ForwardNotAtLevel2, $"Ticket {Protocol} is at level {Level}: escalate it to level 2 before forwarding it to an external team.");
        }

        var record = reference?.Trim();
        if (string.IsNullOrEmpty(record) || record.Length > MaxReferenceLength)
        {
            throw new DomainException(TicketErrors.ForwardReferenceRequired, $"The external team's record reference is required (at most {MaxReferenceLength} characters).");
        }

        if (CurrentExternalHandOff is { } current)
        {
            return string.Equals(current.Team, team.Code, StringComparison.Ordinal) && string.Equals(current.Reference, record, StringComparison.Ordinal)
                ? false
                : throw new DomainException(TicketErrors.ForwardAlreadyAtExternalTeam, $"Ticket {Protocol} is with the external team {current.Team} ({current.Reference}): record its return first.");
        }

        Append(now, agent, new TicketForwardedToExternalTeam(team.Code, team.Name, record, RequireReason(reason)));
        return true;
    }

    /// <summary>The external team gave the ticket back, with an optional note. Recording it again changes nothing.</summary>
    public bool RecordExternalReturn(string? note, Actor agent, DateTimeOffset now)
    {
        Require(agent);
        RequireStatus("recordExternalReturn", TicketStatus.Open, TicketStatus.PendingOnRequester);
        if (CurrentExternalHandOff is not { } current)
        {
            return _externalHandOffs.Count > 0
                ? false
                : throw new DomainException(TicketErrors.ReturnNotForwarded, $"Ticket {Protocol} was never forwarded to an external team.");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (text is { Length: > MaxReasonLength })
        {
            throw new DomainException(TicketErrors.ReturnNoteTooLong, $"The note is longer than {MaxReasonLength} characters.");
        }

        Append(now, agent, new ExternalTeamReturned(current.Team, current.Reference, text));
        return true;
    }

    /// <summary>The requester's satisfaction rating, once, on a resolved or closed ticket.</summary>
    public void Rate(int score, string? comment, DateTimeOffset now)
    {
        if (Rating is not null)
        {
            throw new DomainException(TicketErrors.SurveyAlreadyAnswered, "The survey of this ticket was already answered.");
        }

        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed))
        {
            throw new DomainException(TicketErrors.SurveyNotResolved, "Only a resolved ticket can be rated.");
        }

        if (score is < SatisfactionRating.MinScore or > SatisfactionRating.MaxScore)
        {
            throw new DomainException(TicketErrors.SurveyScoreOutOfRange, "The score must be between 0 and 10.");
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > SatisfactionRating.MaxCommentLength })
        {
            throw new DomainException(TicketErrors.TextTooLong, $"The comment is longer than {SatisfactionRating.MaxCommentLength} characters.");
        }

        Append(now, Actor.Requester(RequesterEmail), new SatisfactionRated(score, comment));
    }

    private static void Require(Actor actor) => ArgumentNullException.ThrowIfNull(actor);

    private void RequireStatus(string verb, params TicketStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainException(TicketErrors.IllegalTransition, $"Cannot {verb} ticket {Protocol}: it is {Status}.");
        }
    }

    private static string RequireReason(string? reason)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException(TicketErrors.ReasonRequired, "A reason is required.");
        }

        return text.Length > MaxReasonLength
            ? throw new DomainException(TicketErrors.TextTooLong, $"The reason is longer than {MaxReasonLength} characters.")
            : text;
    }

    private static string RequireText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException(TicketErrors.TextRequired, "The text is required.");
        }

        return text.Length > MaxTextLength
            ? throw new DomainException(TicketErrors.TextTooLong, $"The text is longer than {MaxTextLength} characters.")
            : text.Trim();
    }

    private static string RequireCode(string? code, string name)
    {
        var text = code?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > MaxCodeLength
            ? throw new DomainException(TicketErrors.CodeRequired, $"The {name} code is required (at most {MaxCodeLength} characters).")
            : text;
    }

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
                Institution = r.Institution;
                RequesterTaxId = r.RequesterTaxId is { } taxId ? TaxId.Parse(taxId) : null;
                FollowsProtocol = ProtocolNumber.TryParse(r.FollowsProtocol, out var follows) ? follows : null;
                Uf = Common.Uf.TryParse(r.Uf, out var uf) ? uf : null;
                InstitutionCode = r.InstitutionCode;
                break;
            case TicketUfChanged changed:
                Uf = Common.Uf.TryParse(changed.Uf, out var newUf) ? newUf : null;
                break;
            case MessageReceived m:
                _messages.Add(new TicketMessage(MessageDirection.Inbound, m.MessageId, m.From, m.Subject, m.Text, m.Html, m.ReceivedAt, null));
                break;
            case MessageSent s:
                _messages.Add(new TicketMessage(MessageDirection.Outbound, s.MessageId, s.To, s.Subject, s.Text, null, e.At, s.Purpose) { Author = e.Actor.Id });
                if (e.Actor.Kind == "agent" && FirstResponseAt is null)
                {
                    FirstResponseAt = e.At;
                }

                break;
            case TicketAssigned a:
                Assignee = a.Assignee;
                Group = a.Group;
                if (Status == TicketStatus.New && a.Assignee is not null)
                {
                    Status = TicketStatus.Open;
                }

                break;
            case TicketEscalated x:
                Level = x.ToLevel;
                Group = x.Group;
                Assignee = null;
                WasEscalated = true;
                if (Status == TicketStatus.New)
                {
                    Status = TicketStatus.Open;
                }

                break;
            case TicketPendingOnRequester:
                Status = TicketStatus.PendingOnRequester;
                _suspensions.Add(new Suspension(e.At, null));
                break;
            case TicketResumed:
                Status = TicketStatus.Open;
                EndSuspension(e.At);
                break;
            case TicketResolved resolved:
                EndSuspension(e.At);
                Status = TicketStatus.Resolved;
                ResolvedAt = e.At;
                ResolvedAtFirstContact = resolved.ResolvedAtFirstContact;
                Resolution = resolved.Resolution;
                break;
            case TicketReopened:
                Status = TicketStatus.Open;
                ResolvedAt = null;
                ResolvedAtFirstContact = null;
                Resolution = null;
                ReopenCount++;
                break;
            case TicketClosed:
                Status = TicketStatus.Closed;
                ClosedAt = e.At;
                break;
            case TicketCancelled:
                EndSuspension(e.At);
                Status = TicketStatus.Cancelled;
                ClosedAt = e.At;
                break;
            case TicketMerged merged:
                EndSuspension(e.At);
                Status = TicketStatus.Merged;
                ClosedAt = e.At;
                MergedInto = ProtocolNumber.TryParse(merged.IntoProtocol, out var into) ? into : null;
                break;
            case DuplicateMerged d:
                _duplicates.Add(d.DuplicateProtocol);
                break;
            case InternalNoteAdded n:
                _notes.Add(new InternalNote(e.Sequence, e.At, e.Actor.Id, n.Text));
                break;
            case TicketClassified c:
                Category = c.Category;
                Priority = c.Priority;
                break;
            case SatisfactionRated s:
                Rating = new SatisfactionRating(s.Score, s.Comment, e.At);
                break;
            case EscalationRouted routed:
                _routedEscalations.Add(routed.EscalationId);
                Group = routed.Group;
                Assignee = routed.Assignee;
                break;
            case DeadlineAlerted alerted:
                var key = alerted.DueAt.ToUniversalTime();
                if (alerted.Stage > _deadlineAlerts.GetValueOrDefault(key, DeadlineStage.None))
                {
                    _deadlineAlerts[key] = alerted.Stage;
                }
                break;
            case TicketForwardedToExternalTeam f:
                _externalHandOffs.Add(new ExternalHandOff(f.Team, f.TeamName, f.Reference, f.Reason, e.At, e.Actor.Id, null, null));
                break;
            case ExternalTeamReturned r when _externalHandOffs.Count > 0:
                _externalHandOffs[^1] = _externalHandOffs[^1] with { ReturnedAt = e.At, ReturnNote = r.Note };
                break;
            case ExternalTeamReturned:
                break;
            default:
                throw new DomainException("ticket.event.unknown", $"Unknown event kind {e.Data.Kind}.");
        }
    }

    private void EndSuspension(DateTimeOffset at)
    {
        if (_suspensions.Count > 0 && _suspensions[^1].To is null)
        {
            _suspensions[^1] = _suspensions[^1] with { To = at };
        }
    }
}
