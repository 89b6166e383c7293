using Helpdesk.Application.Identity;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Common;
using Helpdesk.Domain.Knowledge;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Knowledge;

/// <summary>The knowledge base use cases: search (every role that reads tickets), write (level 2, supervisors, admins),
/// count insertions into replies, and turn an agent's reply into an article.</summary>
public sealed class KnowledgeService(IKnowledgeBase knowledge, ITicketStore tickets, IIdGenerator ids, TimeProvider clock)
{
    public Task<IReadOnlyList<KnowledgeArticle>> SearchAsync(AgentIdentity agent, KnowledgeSearch search, CancellationToken cancellationToken)
    {
        RequireReader(agent);
        ArgumentNullException.ThrowIfNull(search);
        return knowledge.SearchAsync(search with { Limit = Math.Clamp(search.Limit, 1, 100) }, cancellationToken);
    }

    public async Task<KnowledgeArticle?> GetAsync(AgentIdentity agent, Guid id, CancellationToken cancellationToken)
    {
        RequireReader(agent);
        return await knowledge.GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<KnowledgeArticle> CreateAsync(AgentIdentity agent, KnowledgeKind kind, string title, string body, IReadOnlyList<string>? tags, string? category, CancellationToken cancellationToken)
    {
        RequireEditor(agent);
        var (t, b, tg) = KnowledgeArticle.Validate(title, body, tags);
        var now = clock.GetUtcNow();
        var article = new KnowledgeArticle
        {
            Id = ids.NewId(),
            Kind = kind,
            Title = t,
            Body = b,
            Tags = tg,
            Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim(),
            CreatedBy = agent.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await knowledge.AddAsync(article, cancellationToken).ConfigureAwait(false);
        return article;
    }

    public async Task<KnowledgeArticle?> UpdateAsync(AgentIdentity agent, Guid id, string title, string body, IReadOnlyList<string>? tags, string? category, CancellationToken cancellationToken)
    {
        RequireEditor(agent);
        var (t, b, tg) = KnowledgeArticle.Validate(title, body, tags);
        var existing = await knowledge.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        var updated = existing with { Title = t, Body = b, Tags = tg, Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim(), UpdatedAt = clock.GetUtcNow() };
        return await knowledge.UpdateAsync(updated, cancellationToken).ConfigureAwait(false) ? updated : null;
    }

    /// <summary>Counts one insertion of the entry into a reply.</summary>
    public Task<bool> RecordUseAsync(AgentIdentity agent, Guid id, CancellationToken cancellationToken)
    {
        RequireReader(agent);
        return knowledge.RecordUseAsync(id, cancellationToken);
    }

    /// <summary>Makes an article from a public reply of an agent on a ticket (the reply's text without its signature).</summary>
    public async Task<KnowledgeArticle> CreateFromReplyAsync(AgentIdentity agent, ProtocolNumber protocol, string messageId, string title, IReadOnlyList<string>? tags, CancellationToken cancellationToken)
    {
        RequireEditor(agent);
        var ticket = await tickets.FindByProtocolAsync(protocol, cancellationToken).ConfigureAwait(false)
            ?? throw new TicketNotFoundException(protocol.ToString());
        var reply = ticket.Messages.FirstOrDefault(m => m.Direction == MessageDirection.Outbound && m.Purpose == MessagePurposes.Reply && string.Equals(m.MessageId, messageId, StringComparison.Ordinal))
            ?? throw new DomainException("knowledge.reply.unknown", $"Ticket {protocol} has no agent reply with message id '{messageId}'.");
        var article = await CreateAsync(agent, KnowledgeKind.Article, title, WithoutSignature(reply.Text), tags, ticket.Category, cancellationToken).ConfigureAwait(false);
        article = article with { SourceProtocol = protocol.ToString() };
        await knowledge.UpdateAsync(article, cancellationToken).ConfigureAwait(false);
        return article;
    }

    /// <summary>The reply text up to the signature block <see cref="TicketMailComposer.Reply"/> appends.</summary>
    public static string WithoutSignature(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cut = text.LastIndexOf("\nAtenciosamente,", StringComparison.Ordinal);
        return (cut > 0 ? text[..cut] : text).Trim();
    }

    private static void RequireReader(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanReadTickets)
        {
            throw new AccessDeniedException("Reading the knowledge base needs a staff role.");
        }
    }

    private static void RequireEditor(AgentIdentity agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!agent.CanEditKnowledge)
        {
            throw new AccessDeniedException("Level-2 agents, supervisors and admins maintain the knowledge base.");
        }
    }
}
