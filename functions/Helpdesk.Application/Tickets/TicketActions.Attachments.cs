using Helpdesk.Application.Attachments;
using Helpdesk.Application.Identity;
using Helpdesk.Domain.Attachments;
using Helpdesk.Domain.Tickets;

namespace Helpdesk.Application.Tickets;

/// <summary>Replies that carry files (issue 20).</summary>
public sealed partial class TicketActions
{
    /// <summary>A public reply with files the agent uploaded before (<see cref="AttachmentUploads"/>): they are checked,
    /// recorded on the ticket with the reply, and queued with the e-mail (names, types and SHA-256; the sender reads the
    /// bytes from the content store).</summary>
    public async Task<Ticket> ReplyAsync(
        TicketTarget target, AgentIdentity agent, string text, IReadOnlyList<Guid>? knowledgeArticleIds, IReadOnlyList<ReplyAttachment>? attachments, CancellationToken cancellationToken)
    {
        var files = await uploads.ResolveAsync(attachments, cancellationToken).ConfigureAwait(false);
        var ticket = await ExecuteAsync(target, agent, (t, now) =>
        {
            var outboxId = ids.NewId();
            var messageId = OutboundMessageId(outboxId);
            var subject = TicketMailComposer.Subject(t);
            var body = TicketMailComposer.Reply(t, text ?? string.Empty, agent.DisplayName);
            var kept = files.Select((f, i) => new AttachmentRef(AttachmentIds.For(messageId, i + 1, f.Sha256), f.Name, f.ContentType, f.Size, f.Sha256)).ToList();
            t.Reply(messageId, subject, body, agent.Actor, now, kept);
            return Mail(t, outboxId, messageId, subject, body, MessagePurposes.Reply, now, [.. files.Select(f => new Outbox.OutboundAttachment(f.Name, f.ContentType, f.Size, f.Sha256))]);
        }, cancellationToken).ConfigureAwait(false);

        foreach (var id in (knowledgeArticleIds ?? []).Distinct())
        {
            await knowledge.RecordUseAsync(id, cancellationToken).ConfigureAwait(false);
        }

        return ticket;
    }
}
