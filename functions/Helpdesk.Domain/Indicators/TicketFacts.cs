using Helpdesk.Domain.Exports;

namespace Helpdesk.Domain.Indicators;

/// <summary>What one ticket's events say, read once: first reply and answer, last resolution, reopening, last rating, status at a cut-off.</summary>
internal readonly record struct TicketFacts(
    DateTimeOffset? FirstReplyAt,
    DateTimeOffset? FirstAnswerAt,
    int ReplyGaps,
    TimeSpan ReplyGapTime,
    DateTimeOffset? ResolvedAt,
    bool ResolvedAtFirstContact,
    bool Reopened,
    bool Cancelled,
    DateTimeOffset? RatedAt,
    int Score,
    bool OpenAtEnd)
{
    public static TicketFacts Of(ExportedTicket ticket, DateTimeOffset cutOff)
    {
        DateTimeOffset? firstReply = null, firstAnswer = null, lastReply = null, resolved = null, rated = null;
        var gaps = 0;
        var gapTime = TimeSpan.Zero;
        bool firstContact = false, reopened = false, cancelled = false, open = ticket.ReceivedAt < cutOff;
        var score = 0;
        var events = ticket.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            switch (e.Type)
            {
                case ExportedEventType.AgentReply:
                    firstReply ??= e.At;
                    firstAnswer ??= e.At;
                    if (lastReply is { } previous)
                    {
                        gaps++;
                        gapTime += e.At - previous;
                    }

                    lastReply = e.At;
                    break;
                case ExportedEventType.Resolved:
                    firstAnswer ??= e.At;
                    resolved = e.At;
                    firstContact = e.FirstContact == true;
                    break;
                case ExportedEventType.Reopened:
                    reopened = true;
                    break;
                case ExportedEventType.Cancelled:
                    cancelled = true;
                    break;
                case ExportedEventType.Rated:
                    rated = e.At;
                    score = e.Score ?? 0;
                    break;
                default:
                    break;
            }

            if (e.At < cutOff)
            {
                open = e.Type switch
                {
                    ExportedEventType.Resolved or ExportedEventType.Closed or ExportedEventType.Cancelled => false,
                    ExportedEventType.Reopened => true,
                    _ => open,
                };
            }
        }

        return new TicketFacts(firstReply, firstAnswer, gaps, gapTime, resolved, firstContact, reopened, cancelled, rated, score, open);
    }
}
