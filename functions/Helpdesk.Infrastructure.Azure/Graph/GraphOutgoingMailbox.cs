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
public sealed class GraphOutgoingMailbox(GraphServiceClient graph, GraphOptions options, IThreadIndex threads) : IOutgoingMailbox
{
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
