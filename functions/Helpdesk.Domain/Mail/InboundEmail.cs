namespace Helpdesk.Domain.Mail;

/// <summary>An e-mail as the intake needs it, independent of how it was parsed (MimeKit, Graph).</summary>
public sealed record InboundEmail
{
    public required string? MessageId { get; init; }

    public required string? FromAddress { get; init; }

    public string? FromName { get; init; }

    public string Subject { get; init; } = string.Empty;

    public string Text { get; init; } = string.Empty;

    public string? Html { get; init; }

    public DateTimeOffset? Date { get; init; }

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public int AttachmentCount { get; init; }

    /// <summary>Every attachment and inline part, with its bytes (issue 20); the intake keeps or refuses each.</summary>
    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];

    /// <summary>Headers that matter for loop protection, names in lower case (auto-submitted, precedence, ...).</summary>
    public IReadOnlyDictionary<string, string> LoopHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>The MIME type of the top-level body, e.g. <c>multipart/report; report-type=delivery-status</c>.</summary>
    public string? TopLevelContentType { get; init; }

    /// <summary>The envelope sender (Return-Path) if known; <c>&lt;&gt;</c> (empty) marks a bounce.</summary>
    public string? ReturnPath { get; init; }

    /// <summary>When no sender address could be read with certainty: the address a repair guessed (see
    /// <see cref="SenderRepair"/>), offered to the supervisor who reviews the held message.</summary>
    public string? SenderGuess { get; init; }

    /// <summary>For a delivery report: the Message-ID of the message that was not delivered, if the report quotes it.</summary>
    public string? ReportedMessageId { get; init; }

    /// <summary>For a delivery report: the first per-recipient status it gives (e.g. <c>5.1.1</c>).</summary>
    public string? ReportedStatus { get; init; }
}
