using Helpdesk.Application.Intake;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using ProtocolNumber = Helpdesk.Domain.Tickets.ProtocolNumber;
using TicketId = Helpdesk.Domain.Tickets.TicketId;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.CreateReply;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>
/// Sends requester e-mail from the support mailbox, always as a draft then <c>send</c>: a reply to a known message is
/// drafted in its thread (<c>createReply</c> on the original, found by its internetMessageId), so that mail clients
/// thread it; otherwise a new draft (<c>POST messages</c>). Graph gives the message its own Message-ID (the draft's
/// <c>internetMessageId</c>, kept when it is sent); that id is added to the thread index before sending, so that the
/// requester's answer, whose In-Reply-To names it, threads onto the ticket. The outbox id travels in the
/// <c>x-helpdesk-outbox-id</c> header. Sending at most once per outbox id is the consumer's job
/// (<see cref="SendRequesterMail"/> with its processed-messages record).
/// </summary>
public sealed class GraphOutgoingMailbox(GraphServiceClient graph, GraphOptions options, IThreadIndex threads, IContentStore content) : IOutgoingMailbox
{
    /// <summary>Files under 3 MB are attached in one request; larger ones through an upload session (Graph's limit).</summary>
    public const int DirectAttachmentLimit = 3 * 1024 * 1024;

    /// <summary>Upload-session slices: a multiple of 320 KiB, under Graph's 4 MB per request.</summary>
    public const int SliceBytes = 320 * 1024 * 10;

    /// <summary>Upload URLs are pre-authenticated and on another host: they get no Graph token (a plain client).</summary>
    private static readonly HttpClient UploadClient = new() { Timeout = TimeSpan.FromMinutes(2) };

    public async Task SendAsync(OutboundEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var user = graph.Users[options.MailboxUserId];
        var message = new Message
        {
            Subject = email.Subject,
            Body = new ItemBody { ContentType = BodyType.Text, Content = email.Text },
            ToRecipients = [Recipient(email.To)],
            InternetMessageHeaders = [OutboxHeader(email)],
        };
        var original = email.InReplyTo is { Length: > 0 } inReplyTo ? await FindAsync(inReplyTo, cancellationToken).ConfigureAwait(false) : null;
        var draft = original?.Id is { } originalId
            ? await user.Messages[originalId].CreateReply.PostAsync(new CreateReplyPostRequestBody { Message = message }, r => r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds), cancellationToken).ConfigureAwait(false)
            : await user.Messages.PostAsync(message, r => r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds), cancellationToken).ConfigureAwait(false);
        var draftId = draft?.Id ?? throw new InvalidOperationException("Microsoft Graph created a draft without an id.");
        foreach (var attachment in email.Attachments)
        {
            await AttachAsync(user.Messages[draftId], attachment, cancellationToken).ConfigureAwait(false);
        }

        var sentId = draft.InternetMessageId ?? (await user.Messages[draftId].GetAsync(
            r =>
            {
                r.QueryParameters.Select = ["internetMessageId"];
                r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds);
            },
            cancellationToken).ConfigureAwait(false))?.InternetMessageId;
        if (sentId is { Length: > 0 } && Guid.TryParseExact(email.TicketId, "N", out var ticketId) && ProtocolNumber.TryParse(email.Protocol, out var protocol))
        {
            await threads.AddMessageIdAsync(new TicketRef(new TicketId(ticketId), protocol), TicketIntake.NormalizeMessageId(sentId), cancellationToken).ConfigureAwait(false);
        }

        await user.Messages[draftId].Send.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds one file to the draft: a <c>fileAttachment</c> when small, else an upload session whose URL takes
    /// the bytes in slices (<c>PUT</c> with <c>Content-Range</c>).</summary>
    private async Task AttachAsync(Microsoft.Graph.Users.Item.Messages.Item.MessageItemRequestBuilder draft, OutboundAttachment attachment, CancellationToken cancellationToken)
    {
        var bytes = await content.GetAsync(attachment.ContentKey, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The content of attachment {attachment.Sha256} is not in the content store.");
        if (bytes.Length < DirectAttachmentLimit)
        {
            await draft.Attachments.PostAsync(
                new FileAttachment { OdataType = "#microsoft.graph.fileAttachment", Name = attachment.Name, ContentType = attachment.ContentType, ContentBytes = bytes },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var session = await draft.Attachments.CreateUploadSession.PostAsync(
            new Microsoft.Graph.Users.Item.Messages.Item.Attachments.CreateUploadSession.CreateUploadSessionPostRequestBody
            {
                AttachmentItem = new AttachmentItem { AttachmentType = AttachmentType.File, Name = attachment.Name, ContentType = attachment.ContentType, Size = bytes.Length },
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        var url = session?.UploadUrl is { Length: > 0 } u ? new Uri(u) : throw new InvalidOperationException("Microsoft Graph opened an upload session without an upload URL.");
        for (var offset = 0; offset < bytes.Length; offset += SliceBytes)
        {
            var length = Math.Min(SliceBytes, bytes.Length - offset);
            using var slice = new ByteArrayContent(bytes, offset, length);
            slice.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            slice.Headers.ContentRange = new System.Net.Http.Headers.ContentRangeHeaderValue(offset, offset + length - 1, bytes.Length);
            using var response = await UploadClient.PutAsync(url, slice, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<Message?> FindAsync(string internetMessageId, CancellationToken cancellationToken)
    {
        var id = "<" + TicketIntake.NormalizeMessageId(internetMessageId) + ">";
        var found = await graph.Users[options.MailboxUserId].Messages.GetAsync(
            r =>
            {
                r.QueryParameters.Filter = $"internetMessageId eq '{id.Replace("'", "''", StringComparison.Ordinal)}'";
                r.QueryParameters.Select = ["id"];
                r.QueryParameters.Top = 1;
                r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds);
            },
            cancellationToken).ConfigureAwait(false);
        return found?.Value?.FirstOrDefault();
    }

    private static Recipient Recipient(string address) => new() { EmailAddress = new EmailAddress { Address = address } };

    private static InternetMessageHeader OutboxHeader(OutboundEmail email) => new() { Name = "x-helpdesk-outbox-id", Value = email.OutboxId.ToString("N") };
}
