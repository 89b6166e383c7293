using Helpdesk.Application.Ports;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Application.Outbox;

/// <summary>Consumer of <see cref="Queues.OutboundMail"/>: sends one e-mail, at most once per outbox id.</summary>
public sealed partial class SendRequesterMail(IOutgoingMailbox mailbox, IProcessedMessages processed, TimeProvider clock, ILogger<SendRequesterMail> logger)
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

        await mailbox.SendAsync(email, cancellationToken).ConfigureAwait(false);
        await processed.MarkProcessedAsync(Consumer, key, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        HelpdeskMetrics.MailsSent.Add(1, new KeyValuePair<string, object?>("purpose", email.Purpose));
        LogSent(logger, email.Protocol, email.Purpose);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail for ticket {Protocol} ({Purpose}) sent")]
    private static partial void LogSent(ILogger logger, string protocol, string purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail for ticket {Protocol} ({Purpose}) already sent; redelivery ignored")]
    private static partial void LogAlreadySent(ILogger logger, string protocol, string purpose);
}
