using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Survey;

public enum SurveyState
{
    /// <summary>The link is good and the ticket awaits its rating.</summary>
    Open,

    /// <summary>Forged, altered, or for a ticket that does not exist.</summary>
    Invalid,

    Expired,

    /// <summary>The rating was already given: nothing changes.</summary>
    AlreadyAnswered,

    /// <summary>The ticket is not resolved (it was reopened): no rating now.</summary>
    NotResolved,

    /// <summary>The rating was stored by this request.</summary>
    Recorded,

    /// <summary>Well signed, but the link appears in the ticket's history (e.g. the requester's reply quoting the resolution
    /// e-mail), which every staff role can read: whoever answers it may not be the requester, so it is refused.</summary>
    Exposed,
}

public sealed record SurveyResult(SurveyState State, string? Protocol, string? Subject);

/// <summary>The requester's satisfaction survey: opens a signed link and stores the rating once, in the ticket's history.</summary>
public sealed partial class SatisfactionSurvey(SurveyLinks links, ITicketStore store, TimeProvider clock, ILogger<SatisfactionSurvey> logger)
{
    private const int MaxConflictRetries = 5;

    public async Task<SurveyResult> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var (state, ticket) = await CheckAsync(token, cancellationToken).ConfigureAwait(false);
        return new SurveyResult(state, ticket?.Protocol.ToString(), ticket?.Subject);
    }

    public async Task<SurveyResult> SubmitAsync(string token, int score, string? comment, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (state, ticket) = await CheckAsync(token, cancellationToken).ConfigureAwait(false);
            if (state != SurveyState.Open || ticket is null)
            {
                return new SurveyResult(state, ticket?.Protocol.ToString(), ticket?.Subject);
            }

            ticket.Rate(score, comment, clock.GetUtcNow());
            try
            {
                await store.SaveAsync(ticket, [], [], cancellationToken).ConfigureAwait(false);
                LogRated(logger, ticket.Protocol.ToString(), score);
                return new SurveyResult(SurveyState.Recorded, ticket.Protocol.ToString(), ticket.Subject);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxConflictRetries)
            {
                // The ticket changed meanwhile (perhaps this very rating from a double click): check again.
            }
        }
    }

    private async Task<(SurveyState, Ticket?)> CheckAsync(string token, CancellationToken cancellationToken)
    {
        var read = links.Read(token, clock.GetUtcNow());
        if (read.Status == SurveyTokenStatus.Invalid)
        {
            return (SurveyState.Invalid, null);
        }

        var ticket = await store.GetAsync(read.TicketId, cancellationToken).ConfigureAwait(false);
        if (ticket is null || !string.Equals(ticket.Protocol.ToString(), read.Protocol, StringComparison.Ordinal))
        {
            return (SurveyState.Invalid, null);
        }

        if (ticket.Rating is not null)
        {
            return (SurveyState.AlreadyAnswered, ticket);
        }

        if (AppearsInHistory(ticket, SurveyLinks.SignatureOf(token)))
        {
            return (SurveyState.Exposed, ticket);
        }

        if (read.Status == SurveyTokenStatus.Expired)
        {
            return (SurveyState.Expired, ticket);
        }

        return ticket.Status is TicketStatus.Resolved or TicketStatus.Closed ? (SurveyState.Open, ticket) : (SurveyState.NotResolved, ticket);
    }

    /// <summary>Whether any entry of the ticket's history (messages received and sent, notes, every event's data as stored
    /// and exported) contains the link's signature.</summary>
    private static bool AppearsInHistory(Ticket ticket, string signature) =>
        signature.Length > 0 && ticket.History.Any(e =>
            System.Text.Json.JsonSerializer.Serialize(e.Data, Domain.Tickets.History.EventHasher.CanonicalJson).Contains(signature, StringComparison.Ordinal));

    /// <summary>Score validation for the edges, with the domain's rule.</summary>
    public static bool IsValidScore(int score) => score is >= SatisfactionRating.MinScore and <= SatisfactionRating.MaxScore;

    [LoggerMessage(Level = LogLevel.Information, Message = "Satisfaction rating {Score} stored for ticket {Protocol}")]
    private static partial void LogRated(ILogger logger, string protocol, int score);
}
