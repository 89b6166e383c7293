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

    /// <summary>The message's attachments as <c>$expand=attachments</c> returns them (issue 20): every file attachment with
    /// its bytes (<c>contentBytes</c>), inline ones (<c>isInline</c>, <c>contentId</c>) included; Graph has decoded the
    /// names. Item and reference attachments carry no bytes and are not kept.</summary>
    public static IReadOnlyList<InboundAttachment> Attachments(Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. (message.Attachments ?? []).OfType<FileAttachment>().Select(a =>
            new InboundAttachment(a.Name, a.ContentType ?? "application/octet-stream", a.ContentId, a.IsInline == true, a.ContentBytes ?? []))];
    }

    /// <summary>Whether a message may hold files worth fetching: Graph says so, or its HTML refers to inline parts
    /// (<c>hasAttachments</c> is false when all of a message's attachments are inline).</summary>
    public static bool MayHoldFiles(Message message) =>
        message?.HasAttachments == true || (message?.Body?.Content?.Contains("cid:", StringComparison.OrdinalIgnoreCase) ?? false);

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
            AttachmentCount = message.HasAttachments == true ? Math.Max(1, message.Attachments?.Count(a => a.IsInline != true) ?? 0) : 0,
            Attachments = Attachments(message),
            LoopHeaders = loop,
            TopLevelContentType = Header("Content-Type"),
            ReturnPath = Header("Return-Path"),
            SenderGuess = senderGuess,
        };
    }
}
