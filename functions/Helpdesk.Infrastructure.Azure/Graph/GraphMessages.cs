using Helpdesk.Domain.Mail;
using Microsoft.Graph.Models;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>Maps a Graph message to the intake's <see cref="InboundEmail"/>.</summary>
public static class GraphMessages
{
    /// <summary>Ask Graph for ids that survive moves between folders.</summary>
    public const string PreferImmutableIds = "IdType=\"ImmutableId\"";

    public static readonly string[] Fields =
    [
        "id", "internetMessageId", "subject", "from", "sender", "body", "receivedDateTime", "hasAttachments", "internetMessageHeaders",
    ];

    private static readonly HashSet<string> LoopHeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "auto-submitted", "precedence", "x-auto-response-suppress", "x-autoreply", "x-autorespond", "list-id", "list-unsubscribe",
        "x-loop", "x-failed-recipients", "x-ms-exchange-generated-message-source", "x-ms-exchange-inbox-rules-loop",
    };

    public static InboundEmail ToInboundEmail(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = message.InternetMessageHeaders ?? [];
        string? Header(string name) => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
        var loop = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers.Where(h => h.Name is not null && LoopHeaderNames.Contains(h.Name)))
        {
            loop[header.Name!.ToLowerInvariant()] = header.Value ?? string.Empty;
        }

        // The sender as mail clients break it, read as the MIME intake reads it (issue 18): Exchange's parsed From, then
        // the raw From, Sender, Reply-To and Return-Path headers repaired; a guess is held for a supervisor.
        var (fromAddress, senderGuess) = SenderRepair.FirstUsable(
        [
            new SenderCandidate(message.From?.EmailAddress?.Address, Header("From")),
            new SenderCandidate(message.Sender?.EmailAddress?.Address, Header("Sender")),
            new SenderCandidate(null, Header("Reply-To")),
            new SenderCandidate(null, Header("Return-Path")),
        ]);
        var isHtml = message.Body?.ContentType == BodyType.Html;
        var content = message.Body?.Content ?? string.Empty;
        return new InboundEmail
        {
            MessageId = message.InternetMessageId,
            FromAddress = fromAddress,
            FromName = message.From?.EmailAddress?.Name,
            Subject = message.Subject ?? string.Empty,
            Text = isHtml ? Helpdesk.Application.Intake.HtmlText.ToPlainText(content) : content,
            Html = isHtml ? content : null,
            Date = message.ReceivedDateTime,
            InReplyTo = Header("In-Reply-To"),
            References = (Header("References") ?? string.Empty).Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
            AttachmentCount = message.HasAttachments == true ? 1 : 0,
            LoopHeaders = loop,
            TopLevelContentType = Header("Content-Type"),
            ReturnPath = Header("Return-Path"),
            SenderGuess = senderGuess,
        };
    }
}
