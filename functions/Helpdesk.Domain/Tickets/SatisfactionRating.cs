namespace Helpdesk.Domain.Tickets;

/// <summary>The requester's answer to the satisfaction survey.</summary>
public sealed record SatisfactionRating(int Score, string? Comment, DateTimeOffset At)
{
    public const int MinScore = 0;
    public const int MaxScore = 10;
    public const int MaxCommentLength = 2000;

    /// <summary>ANS item 3: a rating of 8 or more counts as satisfied.</summary>
    public bool IsSatisfied => Score >= 8;
}
