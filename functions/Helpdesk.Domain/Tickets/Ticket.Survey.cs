using Helpdesk.Domain.Common;
using Helpdesk.Domain.Tickets.Events;

namespace Helpdesk.Domain.Tickets;

/// <summary>The requester's satisfaction rating.</summary>
public sealed partial class Ticket
{
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
}
