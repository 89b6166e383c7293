using Helpdesk.Domain.Common;

namespace Helpdesk.Domain.Tickets;

/// <summary>A validated request to open a ticket, from any channel.</summary>
public sealed record NewTicket
{
    public const int MaxDescriptionLength = 200_000;

    public NewTicket(string subject, string description, EmailAddress requesterEmail, string? requesterName, Channel channel, DateTimeOffset receivedAt)
    {
        subject = (subject ?? string.Empty).Trim();
        if (subject.Length > Ticket.MaxSubjectLength)
        {
            throw new DomainException("ticket.subject.tooLong", $"The subject is longer than {Ticket.MaxSubjectLength} characters.");
        }

        Subject = subject.Length == 0 ? "(sem assunto)" : subject;
        Description = description ?? string.Empty;
        if (Description.Length > MaxDescriptionLength)
        {
            throw new DomainException("ticket.description.tooLong", $"The description is longer than {MaxDescriptionLength} characters.");
        }

        RequesterEmail = requesterEmail;
        RequesterName = string.IsNullOrWhiteSpace(requesterName) ? null : requesterName.Trim();
        Channel = channel;
        ReceivedAt = receivedAt;
    }

    public string Subject { get; }

    public string Description { get; }

    public EmailAddress RequesterEmail { get; }

    public string? RequesterName { get; }

    public Channel Channel { get; }

    public DateTimeOffset ReceivedAt { get; }

    public string? MessageId { get; init; }

    public string? Html { get; init; }

    public int AttachmentCount { get; init; }

    /// <summary>The files kept with the first message and the parts refused (issue 20).</summary>
    public Attachments.MessageAttachments Attachments { get; init; } = Helpdesk.Domain.Attachments.MessageAttachments.None;

    /// <summary>The requester's institution (from the e-mail domain table), if known.</summary>
    public string? Institution { get; init; }

    /// <summary>The requester's CPF/CNPJ, if given (optional).</summary>
    public TaxId? RequesterTaxId { get; init; }

    /// <summary>The requester's state: given with the request, else the institution's (filled by the intake).</summary>
    public Uf? Uf { get; init; }

    /// <summary>The institution's key in the directory (its e-mail domain), if the requester's institution is known.</summary>
    public string? InstitutionCode { get; init; }

    /// <summary>The closed ticket this request continues (the requester answered after the reopening window).</summary>
    public ProtocolNumber? FollowsProtocol { get; init; }
}
