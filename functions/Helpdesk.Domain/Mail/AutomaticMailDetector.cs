namespace Helpdesk.Domain.Mail;

/// <summary>
/// Recognises messages that no person wrote (auto-replies, bounces, list traffic), which must never open a ticket
/// nor be answered, so that two robots can never talk to each other through the service desk (RFC 3834).
/// </summary>
public static class AutomaticMailDetector
{
    private static readonly string[] DaemonLocalParts = ["mailer-daemon", "postmaster", "no-reply", "noreply", "donotreply", "do-not-reply"];

    /// <summary>Returns the reason a message is automatic, or null for a message from a person.</summary>
    public static string? Classify(InboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var h = email.LoopHeaders;
        if (h.TryGetValue("auto-submitted", out var autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return "auto-submitted";
        }

        if (h.TryGetValue("precedence", out var precedence) &&
            precedence.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply")
        {
            return "precedence-" + precedence.Trim().ToLowerInvariant();
        }

        if (h.ContainsKey("x-autoreply") || h.ContainsKey("x-autorespond") ||
            (h.TryGetValue("x-auto-response-suppress", out var suppress) && suppress.Contains("All", StringComparison.OrdinalIgnoreCase) && h.ContainsKey("x-ms-exchange-generated-message-source")))
        {
            return "auto-reply";
        }

        if (h.ContainsKey("list-id") || h.ContainsKey("list-unsubscribe"))
        {
            return "mailing-list";
        }

        var contentType = email.TopLevelContentType ?? string.Empty;
        if (contentType.StartsWith("multipart/report", StringComparison.OrdinalIgnoreCase) ||
            contentType.StartsWith("message/delivery-status", StringComparison.OrdinalIgnoreCase))
        {
            return "delivery-report";
        }

        if (email.ReturnPath is { } returnPath && returnPath.Trim() is "<>" or "")
        {
            return "bounce";
        }

        if (IsAutomaticAddress(email.FromAddress))
        {
            return "automatic-sender";
        }

        return null;
    }

    /// <summary>True for an address no person reads (<c>noreply@</c>, <c>mailer-daemon@</c>, ...): nothing is ever sent to it.</summary>
    public static bool IsAutomaticAddress(string? address)
    {
        var from = address ?? string.Empty;
        var at = from.IndexOf('@', StringComparison.Ordinal);
        var local = at > 0 ? from[..at] : from;
        return DaemonLocalParts.Contains(local.ToLowerInvariant());
    }

    /// <summary>
    /// True for an automatic answer to some other message (RFC 3834 <c>Auto-Submitted: auto-replied</c>, out-of-office
    /// and auto-responder headers, <c>Precedence: auto_reply</c>). Such a message carries no request: it stays ignored
    /// (never a ticket, never held, never answered), which is what keeps two robots from talking through the desk.
    /// Every other automatic message (a <c>noreply</c> or daemon sender, bulk and list mail, <c>auto-generated</c>
    /// notices, bounces that match no ticket) may hide a request and is held for a supervisor (ADR-022).
    /// </summary>
    public static bool IsAutoReply(InboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var h = email.LoopHeaders;
        return (h.TryGetValue("auto-submitted", out var autoSubmitted) && autoSubmitted.Trim().StartsWith("auto-replied", StringComparison.OrdinalIgnoreCase)) ||
            (h.TryGetValue("precedence", out var precedence) && precedence.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase)) ||
            h.ContainsKey("x-autoreply") || h.ContainsKey("x-autorespond") ||
            (h.TryGetValue("x-auto-response-suppress", out var suppress) && suppress.Contains("All", StringComparison.OrdinalIgnoreCase) && h.ContainsKey("x-ms-exchange-generated-message-source"));
    }
}
