using Helpdesk.Application.Intake;
using Helpdesk.Domain.Mail;
using Helpdesk.Domain.Tickets;
using MimeKit;

namespace Helpdesk.Infrastructure.Mail;

/// <summary>The message could not be read as an RFC 822 / MIME message.</summary>
public sealed class UnreadableMessageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads raw RFC 822 messages with MimeKit into the intake's <see cref="InboundEmail"/>.</summary>
public static class MimeMessageParser
{
    private static readonly string[] LoopHeaderNames =
    [
        "auto-submitted", "precedence", "x-autoreply", "x-autorespond", "x-auto-response-suppress",
        "x-ms-exchange-generated-message-source", "list-id", "list-unsubscribe",
    ];

    public static async Task<InboundEmail> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(ParserOptions.Default, stream, persistent: false, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw new UnreadableMessageException("The body is not an RFC 822 message: " + ex.Message, ex);
        }

        return FromMimeMessage(message);
    }

    public static InboundEmail FromMimeMessage(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Headers.Count == 0 || (message.From.Count == 0 && message.Sender is null && string.IsNullOrEmpty(message.MessageId)))
        {
            throw new UnreadableMessageException("The body is not an RFC 822 message: it has no From, Sender or Message-ID header.");
        }

        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var (fromAddress, senderGuess) = ReadSender(message, from);
        var loopHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers)
        {
            var name = header.Field.ToLowerInvariant();
            if (Array.IndexOf(LoopHeaderNames, name) >= 0)
            {
                loopHeaders[name] = header.Value ?? string.Empty;
            }
        }

        var html = message.HtmlBody;
        var text = message.TextBody ?? (html is null ? string.Empty : HtmlText.ToPlainText(html));
        var topType = message.Body?.ContentType;
        var topLevelContentType = topType is null
            ? null
            : topType.MimeType + (topType.Parameters["report-type"] is { } reportType ? "; report-type=" + reportType : string.Empty);
        var returnPath = message.Headers[HeaderId.ReturnPath];

        return new InboundEmail
        {
            MessageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId,
            FromAddress = fromAddress,
            FromName = string.IsNullOrWhiteSpace(from?.Name) ? null : from!.Name,
            Subject = message.Subject ?? string.Empty,
            Text = text,
            Html = html,
            Date = message.Date == DateTimeOffset.MinValue ? null : message.Date,
            InReplyTo = message.InReplyTo,
            References = [.. message.References],
            AttachmentCount = message.Attachments.Count(),
            Attachments = MimeAttachments.Read(message),
            LoopHeaders = loopHeaders,
            TopLevelContentType = topLevelContentType,
            ReturnPath = returnPath,
            SenderGuess = senderGuess,
            ReportedMessageId = ReportedMessageId(message),
            ReportedStatus = ReportedStatus(message),
        };
    }

    /// <summary>The sender as mail clients break it (issue 18): From (as MimeKit read it, or its raw header repaired), then
    /// Sender, Reply-To and Return-Path (see <see cref="SenderRepair.FirstUsable"/>).</summary>
    private static (string? Address, string? Guess) ReadSender(MimeMessage message, MailboxAddress? parsed)
    {
        var candidates = new List<SenderCandidate>(4) { new(parsed?.Address, message.Headers[HeaderId.From]) };
        foreach (var id in (ReadOnlySpan<HeaderId>)[HeaderId.Sender, HeaderId.ReplyTo, HeaderId.ReturnPath])
        {
            var raw = message.Headers[id];
            var mailbox = InternetAddressList.TryParse(raw ?? string.Empty, out var list) ? list.Mailboxes.FirstOrDefault()?.Address : null;
            candidates.Add(new SenderCandidate(mailbox, raw));
        }

        return SenderRepair.FirstUsable(candidates);
    }

    private static string? ReportedMessageId(MimeMessage message)
    {
        if (message.Body is not MultipartReport report)
        {
            return null;
        }

        var original = report.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => !string.IsNullOrWhiteSpace(id));
        return original;
    }

    private static string? ReportedStatus(MimeMessage message) =>
        message.Body is MultipartReport report && report.OfType<MessageDeliveryStatus>().FirstOrDefault() is { } status
            ? status.StatusGroups.Skip(1).Select(g => g["Status"]).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s))?.Trim()
            : null;
}
