namespace Helpdesk.Application.Privacy;

/// <summary>Everything the product holds about one requester (LGPD art. 18 II and V: access and portability), as
/// <c>GET /api/requesters/{email}/data</c> returns it. Instants carry the contract's offset.</summary>
public sealed record DataSubjectRecord(string Requester, DateTimeOffset GeneratedAt, IReadOnlyList<DataSubjectTicket> Tickets);

/// <summary>One of the requester's tickets with their own data in full.</summary>
public sealed record DataSubjectTicket(
    string Protocol,
    string Status,
    string Channel,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? ClosedAt,
    string Subject,
    string? RequesterName,
    string? RequesterTaxId,
    string? Institution,
    string? Uf,
    IReadOnlyList<DataSubjectMessage> Messages,
    DataSubjectRating? Rating,
    DateTimeOffset? KeptUntil,
    DateTimeOffset? PersonalDataErasedAt);

/// <summary>A message to or from the requester. <see cref="AttachmentCount"/>: attachments the message came with;
/// <see cref="Attachments"/>: the files kept with it (issue 20), as the person's data.</summary>
public sealed record DataSubjectMessage(string Direction, DateTimeOffset At, string Subject, string Text, int AttachmentCount, IReadOnlyList<DataSubjectAttachment> Attachments);

/// <summary>A file of a message: its name as sent, type, size and SHA-256 (the bytes: <c>GET /api/tickets/{protocol}/attachments/{id}</c>).</summary>
public sealed record DataSubjectAttachment(string Id, string Name, string ContentType, long Size, string Sha256);

public sealed record DataSubjectRating(int Score, string? Comment, DateTimeOffset At);

/// <summary>The outcome of an anonymization request: the tickets erased now, and those kept under a legal obligation
/// (LGPD art. 16, I) with the instant until which they are kept (null: while the ticket is still open).</summary>
public sealed record AnonymizationResult(IReadOnlyList<string> Anonymized, IReadOnlyList<KeptTicket> Kept);

public sealed record KeptTicket(string Protocol, DateTimeOffset? KeptUntil);
