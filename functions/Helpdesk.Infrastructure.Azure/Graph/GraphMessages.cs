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

        var isHtml = message.Body?.ContentType == BodyType.Html;
        var content = message.Body?.Content ?? string.Empty;
        return new InboundEmail
        {
            MessageId = message.InternetMessageId,
            FromAddress = message.From?.EmailAddress?.Address,
            FromName = message.From?.EmailAddress?.Name,
            Subject = message.Subject ?? string.Empty,
            Text = isHtml ? HtmlToText(content) : content,
            Html = isHtml ? content : null,
            Date = message.ReceivedDateTime,
            InReplyTo = Header("In-Reply-To"),
            References = (Header("References") ?? string.Empty).Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
            AttachmentCount = message.HasAttachments == true ? 1 : 0,
            LoopHeaders = loop,
            TopLevelContentType = Header("Content-Type"),
            ReturnPath = Header("Return-Path"),
        };
    }

    /// <summary>A crude but safe text rendering of an HTML body (tags dropped, entities decoded, whitespace folded).</summary>
    private static string HtmlToText(string html)
    {
        var withBreaks = System.Text.RegularExpressions.Regex.Replace(html, @"<(br|/p|/div|/li)\b[^>]*>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        var noTags = System.Text.RegularExpressions.Regex.Replace(withBreaks, "<[^>]+>", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return System.Net.WebUtility.HtmlDecode(noTags).Trim();
    }
}
