using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Knowledge;

public enum KnowledgeKind
{
    /// <summary>A solution or tutorial ("banco de soluções", FAQ).</summary>
    Article,

    /// <summary>A ready-made text agents insert into replies ("resposta pronta").</summary>
    CannedAnswer,
}

/// <summary>An entry of the knowledge base. <see cref="UseCount"/> counts insertions into replies;
/// <see cref="SourceProtocol"/> names the ticket whose reply it was made from, if any.</summary>
public sealed record KnowledgeArticle
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 50_000;
    public const int MaxTags = 20;

    public required Guid Id { get; init; }

    public required KnowledgeKind Kind { get; init; }

    public required string Title { get; init; }

    public required string Body { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Category { get; init; }

    public int UseCount { get; init; }

    public string? SourceProtocol { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The folded text search runs over (title, tags, body).</summary>
    public string SearchText => TextFolding.Fold(Title + " " + string.Join(' ', Tags) + " " + Body);

    /// <summary>Checks title, body and tags; throws <see cref="DomainException"/> naming the field.</summary>
    public static (string Title, string Body, IReadOnlyList<string> Tags) Validate(string? title, string? body, IReadOnlyList<string>? tags)
    {
        var t = title?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > MaxTitleLength)
        {
            throw new DomainException("knowledge.title.invalid", $"The title is required (at most {MaxTitleLength} characters).");
        }

        var b = body?.Trim();
        if (string.IsNullOrEmpty(b) || b.Length > MaxBodyLength)
        {
            throw new DomainException("knowledge.body.invalid", $"The body is required (at most {MaxBodyLength} characters).");
        }

        var cleanTags = (tags ?? []).Select(x => x.Trim()).Where(x => x.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (cleanTags.Count > MaxTags || cleanTags.Any(x => x.Length > 50))
        {
            throw new DomainException("knowledge.tags.invalid", $"At most {MaxTags} tags of at most 50 characters.");
        }

        return (t, b, cleanTags);
    }
}
