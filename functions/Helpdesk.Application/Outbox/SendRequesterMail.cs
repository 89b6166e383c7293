using Helpdesk.Application.Ports;
using Helpdesk.Application.Survey;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Tickets;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Outbox;

/// <summary>Consumer of <see cref="Queues.OutboundMail"/>: sends one e-mail, at most once per outbox id. A resolution
/// e-mail gets its signed survey link here, in place of <see cref="TicketMailComposer.SurveyLinkPlaceholder"/>: the link
/// exists only in the message that leaves, never in the ticket's history, the outbox or a dead letter.</summary>
public sealed partial class SendRequesterMail(IOutgoingMailbox mailbox, IProcessedMessages processed, SurveyLinks surveyLinks, TimeProvider clock, ILogger<SendRequesterMail> logger)
{
    public const string Consumer = "send-requester-mail";

    public async Task<bool> HandleAsync(OutboundEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var key = email.OutboxId.ToString("N");
        if (await processed.WasProcessedAsync(Consumer, key, cancellationToken).ConfigureAwait(false))
        {
            LogAlreadySent(logger, email.Protocol, email.Purpose);
            return false;
        }

        await mailbox.SendAsync(WithSurveyLink(email), cancellationToken).ConfigureAwait(false);
        await processed.MarkProcessedAsync(Consumer, key, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        HelpdeskMetrics.MailsSent.Add(1, new KeyValuePair<string, object?>("purpose", email.Purpose));
        LogSent(logger, email.Protocol, email.Purpose);
        return true;
    }

    private OutboundEmail WithSurveyLink(OutboundEmail email)
    {
        if (!string.Equals(email.Purpose, MessagePurposes.Resolution, StringComparison.Ordinal) ||
            !email.Text.Contains(TicketMailComposer.SurveyLinkPlaceholder, StringComparison.Ordinal) ||
            !Guid.TryParse(email.TicketId, out var id) || !ProtocolNumber.TryParse(email.Protocol, out var protocol))
        {
            return email;
        }

        var url = surveyLinks.CreateUrl(new TicketId(id), protocol, clock.GetUtcNow());
        return email with { Text = email.Text.Replace(TicketMailComposer.SurveyLinkPlaceholder, url, StringComparison.Ordinal) };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail for ticket {Protocol} ({Purpose}) sent")]
    private static partial void LogSent(ILogger logger, string protocol, string purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail for ticket {Protocol} ({Purpose}) already sent; redelivery ignored")]
    private static partial void LogAlreadySent(ILogger logger, string protocol, string purpose);
}
