using Helpdesk.Application.Intake;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Contracts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Helpdesk.Infrastructure.Mail;

/// <summary>
/// The embedded mailbox's sending side: each e-mail becomes an <c>.eml</c> file in <c>{data}/mailbox/sent/</c>, named
/// by its outbox id and written atomically (temporary file, then rename), so that a redelivery never writes twice.
/// </summary>
public sealed class LocalOutgoingMailbox(LocalMailboxPaths paths, IOptions<IntakeOptions> options, TimeProvider clock, ContractDefinition contract, IContentStore content) : IOutgoingMailbox
{
    public async Task SendAsync(OutboundEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        Directory.CreateDirectory(paths.Sent);
        var target = Path.Combine(paths.Sent, email.OutboxId.ToString("N") + ".eml");
        if (File.Exists(target))
        {
            return;
        }

        var files = new List<(OutboundAttachment, byte[])>();
        foreach (var attachment in email.Attachments)
        {
            files.Add((attachment, await content.GetAsync(attachment.ContentKey, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The content of attachment {attachment.Sha256} is not in the content store.")));
        }

        var message = Compose(email, options.Value, clock.GetUtcNow(), contract.Clock, files);
        var temporary = target + ".tmp-" + Environment.ProcessId;
        await using (var stream = File.Create(temporary))
        {
            await message.WriteToAsync(FormatOptions.Default, stream, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, target, overwrite: true);
    }

    public static MimeMessage Compose(OutboundEmail email, IntakeOptions options, DateTimeOffset now, ContractClock contractClock, IReadOnlyList<(OutboundAttachment Attachment, byte[] Content)>? files = null)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(options);
        var body = new BodyBuilder { TextBody = email.Text };
        foreach (var (attachment, bytes) in files ?? [])
        {
            // MimeKit writes a non-ASCII file name with RFC 2231 encoding (filename*=utf-8''...).
            body.Attachments.Add(attachment.Name, bytes, ContentType.Parse(attachment.ContentType));
        }

        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Subject = email.Subject,
            Date = contractClock.ToLocal(now),
            Body = body.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.SupportName, options.SupportAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        if (email.InReplyTo is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
        }

        foreach (var reference in email.References)
        {
            message.References.Add(reference);
        }

        // RFC 3834: an automatic message says so, so that well-behaved auto-responders never answer it. An agent's
        // reply is written by a person and is not marked.
        if (Domain.Tickets.MessagePurposes.IsAutomatic(email.Purpose))
        {
            message.Headers.Add("Auto-Submitted", "auto-replied");
        }

        message.Headers.Add("X-Helpdesk-Protocol", email.Protocol);
        return message;
    }
}
