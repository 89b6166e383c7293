using Helpdesk.Domain.Knowledge;

namespace Helpdesk.Application.Ports;

public sealed record KnowledgeSearch(string? Text, KnowledgeKind? Kind, string? Category, int Limit = 20);

/// <summary>The knowledge base store: articles and canned answers, searched on folded text.</summary>
public interface IKnowledgeBase
{
    Task AddAsync(KnowledgeArticle article, CancellationToken cancellationToken);

    /// <summary>Replaces title, body, tags and category; false when the article does not exist.</summary>
    Task<bool> UpdateAsync(KnowledgeArticle article, CancellationToken cancellationToken);

    Task<KnowledgeArticle?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Entries whose folded title, tags or body contain every folded word of the text, most used first.</summary>
    Task<IReadOnlyList<KnowledgeArticle>> SearchAsync(KnowledgeSearch search, CancellationToken cancellationToken);

    /// <summary>Counts one more insertion into a reply; false when the article does not exist.</summary>
    Task<bool> RecordUseAsync(Guid id, CancellationToken cancellationToken);
}
