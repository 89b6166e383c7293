using Helpdesk.Application.Escalation;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Intake;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Catalogue;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Helpdesk.Application.Tickets;

/// <summary>Which ticket an agent acts on, and the version they saw (from the ETag; null skips the check, for callers
/// that just loaded the ticket themselves).</summary>
public sealed record TicketTarget(ProtocolNumber Protocol, int? ExpectedVersion);

/// <summary>
/// The agents' use cases on one ticket: each loads it, checks the caller's permission and the version they saw, calls
/// one verb of the aggregate and stores the new events with the e-mails they cause in one atomic write. Callable from
/// the JSON API and from server-rendered pages alike. Errors: <see cref="TicketNotFoundException"/>,
/// <see cref="AccessDeniedException"/>, <see cref="ConcurrencyConflictException"/> (stale version: never a lost update),
/// <see cref="DomainException"/> (illegal move or bad input).
/// </summary>
public sealed partial class TicketActions(
    ITicketStore store,
    ICatalogueStore catalogue,
    IKnowledgeBase knowledge,
    IIdGenerator ids,
    TimeProvider clock,
    IOptions<IntakeOptions> intakeOptions,
    IOptions<TicketOptions> ticketOptions,
    ILogger<TicketActions> logger,
    ContractDefinition contract,
    Attachments.AttachmentUploads uploads)
{
    public async Task<Ticket> GetAsync(ProtocolNumber protocol, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanReadTickets)
        {
            throw new AccessDeniedException("Reading tickets needs an agent, supervisor, finance or admin role.");
        }

        return await store.FindByProtocolAsync(protocol, cancellationToken).ConfigureAwait(false)
            ?? throw new TicketNotFoundException(protocol.ToString());
    }

    /// <summary>A public reply, e-mailed to the requester threaded after the last message (In-Reply-To, References), so
    /// that their answer threads back. <paramref name="knowledgeArticleIds"/> are the articles inserted into it (use counts).</summary>
    public Task<Ticket> ReplyAsync(TicketTarget target, AgentIdentity agent, string text, IReadOnlyList<Guid>? knowledgeArticleIds, CancellationToken cancellationToken) =>
        ReplyAsync(target, agent, text, knowledgeArticleIds, null, cancellationToken);

    public Task<Ticket> AddInternalNoteAsync(TicketTarget target, AgentIdentity agent, string text, CancellationToken cancellationToken) =>
        ExecuteAsync(target, agent, (t, now) =>
        {
            t.AddInternalNote(text, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);

    /// <summary>Gives the ticket to <paramref name="assignee"/> (an agent takes it by naming themselves), optionally in a
    /// group of the ticket's level.</summary>
    public async Task<Ticket> AssignAsync(TicketTarget target, AgentIdentity agent, string? assignee, string? groupCode, CancellationToken cancellationToken)
    {
        var group = groupCode is null ? null : await FindGroupAsync(groupCode, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(target, agent, (t, now) =>
        {
            t.Assign(assignee, group, agent.Actor, now);
            return Effects.None;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Escalates to a level-2 group (without a group: the category's, else the routing table's) and writes the
    /// hand-off to the escalations queue in the same write; its consumer routes and assigns it (RouteEscalation).</summary>
    public async Task<Ticket> EscalateAsync(TicketTarget target, AgentIdentity agent, string? groupCode, string reason, CancellationToken cancellationToken)
    {
        var current = (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue;
        return await ExecuteAsync(target, agent, (t, now) =>
        {
            var group = EscalationRouting.HandOffGroup(current, t.Category, t.Priority, groupCode, reason ?? string.Empty);
            if (!t.Escalate(group, reason ?? string.Empty, agent.Actor, now))
            {
                return Effects.None;
            }

            var escalation = (Domain.Tickets.Events.TicketEscalated)t.History[^1].Data;
            var message = new EscalationMessage(ids.NewId(), t.Id.ToString(), t.Protocol.ToString(), escalation.Reason, groupCode, Automatic: false);
            return new Effects([], [message.ToOutbox(now)]);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<Ticket> SetPendingOnRequesterAsync(TicketTarget target, AgentIdentity agent, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(target, agent, (t, now) =>
        {
            t.SetPendingOnRequester(reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);

    public Task<Ticket> ResumeAsync(TicketTarget target, AgentIdentity agent, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(target, agent, (t, now) =>
        {
            t.Resume(reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);

    /// <summary>Resolves the ticket and e-mails the requester the resolution; the signed satisfaction-survey link is put into
    /// the message only when it is sent (the stored body has a placeholder), so no staff role ever reads a usable link.</summary>
    public Task<Ticket> ResolveAsync(TicketTarget target, AgentIdentity agent, bool resolvedAtFirstContact, string resolution, CancellationToken cancellationToken) =>
        ExecuteAsync(target, agent, (t, now) =>
        {
            if (!t.Resolve(resolvedAtFirstContact, resolution, agent.Actor, now))
            {
                return Effects.None;
            }

            var outboxId = ids.NewId();
            var messageId = OutboundMessageId(outboxId);
            var subject = $"{TicketMailComposer.Subject(t)} (resolvido)";
            var body = TicketMailComposer.Resolution(t, resolution, ticketOptions.Value.ReopenWindowDays, contract.Clock);
            t.RecordMessageSent(messageId, subject, body, MessagePurposes.Resolution, agent.Actor, now);
            return Mail(t, outboxId, messageId, subject, body, MessagePurposes.Resolution, now);
        }, cancellationToken);

    public Task<Ticket> ReopenAsync(TicketTarget target, AgentIdentity agent, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(target, agent, (t, now) =>
        {
            t.Reopen(reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);

    public Task<Ticket> CloseAsync(TicketTarget target, AgentIdentity agent, string reason, CancellationToken cancellationToken) =>
        ExecuteAsync(target, agent, (t, now) =>
        {
            t.Close(reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);

    public Task<Ticket> CancelAsync(TicketTarget target, AgentIdentity agent, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanCancelTickets)
        {
            throw new AccessDeniedException("Only supervisors and admins cancel tickets.");
        }

        return ExecuteAsync(target, agent, (t, now) =>
        {
            t.Cancel(reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken);
    }

    /// <summary>Classifies the ticket; codes must exist in the catalogue. Without a priority, the category's default.</summary>
    public async Task<Ticket> ClassifyAsync(TicketTarget target, AgentIdentity agent, string category, string? priority, CancellationToken cancellationToken)
    {
        var current = (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue;
        var c = current.FindCategory(category) ?? throw new DomainException("catalogue.category.unknown", $"No category has code '{category}'.");
        var p = priority ?? c.DefaultPriority;
        if (current.FindPriority(p) is null)
        {
            throw new DomainException("catalogue.priority.unknown", $"No priority has code '{p}'.");
        }

        return await ExecuteAsync(target, agent, (t, now) =>
        {
            t.Classify(c.Code, p, agent.Actor, now);
            return Effects.None;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Merges the duplicate <paramref name="target"/> into <paramref name="into"/>. The duplicate is written first
    /// (its version checked against the caller's); the target then records the duplicate, retrying on conflicts, since the
    /// two tickets are two aggregates and no store transaction spans both in Cosmos DB.</summary>
    public async Task<Ticket> MergeAsync(TicketTarget target, AgentIdentity agent, ProtocolNumber into, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var survivor = await store.FindByProtocolAsync(into, cancellationToken).ConfigureAwait(false)
            ?? throw new TicketNotFoundException(into.ToString());
        CheckCanWork(agent, survivor);
        var duplicate = await ExecuteAsync(target, agent, (t, now) =>
        {
            t.MergeInto(survivor, reason, agent.Actor, now);
            return Effects.None;
        }, cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            if (!survivor.AcceptDuplicate(duplicate.Protocol, agent.Actor, now))
            {
                break;
            }

            try
            {
                await store.SaveAsync(survivor, [], [], cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                survivor = await store.FindByProtocolAsync(into, cancellationToken).ConfigureAwait(false)
                    ?? throw new TicketNotFoundException(into.ToString());
            }
        }

        LogMerged(logger, duplicate.Protocol.ToString(), into.ToString());
        return duplicate;
    }

    private async Task<Ticket> ExecuteAsync(TicketTarget target, AgentIdentity agent, Func<Ticket, DateTimeOffset, Effects> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanWorkTickets)
        {
            throw new AccessDeniedException("Working tickets needs an agent, supervisor or admin role.");
        }

        var ticket = await store.FindByProtocolAsync(target.Protocol, cancellationToken).ConfigureAwait(false)
            ?? throw new TicketNotFoundException(target.Protocol.ToString());
        if (target.ExpectedVersion is { } expected && expected != ticket.CommittedVersion)
        {
            throw new ConcurrencyConflictException($"Ticket {ticket.Protocol} is at version {ticket.CommittedVersion}, not {expected}: reload it.");
        }

        CheckCanWork(agent, ticket);
        var effects = act(ticket, clock.GetUtcNow());
        if (ticket.PendingEvents.Count > 0)
        {
            await store.SaveAsync(ticket, effects.MessageIds, effects.Outbox, cancellationToken).ConfigureAwait(false);
            LogChanged(logger, ticket.Protocol.ToString(), ticket.History[^1].Data.Kind, ticket.CommittedVersion);
        }

        return ticket;
    }

    private static void CheckCanWork(AgentIdentity agent, Ticket ticket)
    {
        if (!agent.CanWorkTicketAtLevel(ticket.Level))
        {
            throw new AccessDeniedException($"Ticket {ticket.Protocol} is at level {ticket.Level}: level-1 agents work level-1 tickets only.");
        }
    }

    private async Task<SupportGroup> FindGroupAsync(string code, CancellationToken cancellationToken)
    {
        var current = (await catalogue.GetAsync(cancellationToken).ConfigureAwait(false)).Catalogue;
        return current.FindGroup(code) ?? throw new DomainException("catalogue.group.unknown", $"No support group has code '{code}'.");
    }

    private Effects Mail(Ticket t, Guid outboxId, string messageId, string subject, string body, string purpose, DateTimeOffset now, IReadOnlyList<OutboundAttachment>? attachments = null)
    {
        var thread = t.Messages
            .Select(m => m.MessageId)
            .Where(id => id is not null && !id.StartsWith("sha256:", StringComparison.Ordinal) && !string.Equals(id, messageId, StringComparison.Ordinal))
            .Select(id => id!)
            .ToList();
        var lastInbound = t.Messages.LastOrDefault(m => m.Direction == MessageDirection.Inbound && m.MessageId is not null && !m.MessageId.StartsWith("sha256:", StringComparison.Ordinal))?.MessageId;
        var email = new OutboundEmail(outboxId, t.Id.ToString(), t.Protocol.ToString(), messageId, t.RequesterEmail.Value, subject, body, lastInbound ?? thread.LastOrDefault(), thread, purpose)
        {
            Attachments = attachments ?? [],
        };
        return new Effects([messageId], [new OutboxMessage(outboxId, Queues.OutboundMail, email.ToJson(), now)]);
    }

    private string OutboundMessageId(Guid outboxId)
    {
        var address = intakeOptions.Value.SupportAddress;
        var at = address.LastIndexOf('@');
        return $"{outboxId:N}@{(at >= 0 ? address[(at + 1)..] : "helpdesk.local")}";
    }

    private sealed record Effects(IReadOnlyList<string> MessageIds, IReadOnlyList<OutboxMessage> Outbox)
    {
        public static Effects None { get; } = new([], []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Protocol}: {EventKind} (version {Version})")]
    private static partial void LogChanged(ILogger logger, string protocol, string eventKind, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {Duplicate} merged into {Survivor}")]
    private static partial void LogMerged(ILogger logger, string duplicate, string survivor);
}
