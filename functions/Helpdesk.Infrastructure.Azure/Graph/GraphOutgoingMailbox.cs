using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Messages.Item.CreateReply;
using Microsoft.Graph.Users.Item.SendMail;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>
/// Sends requester e-mail from the support mailbox. A reply to a known message is made in its thread
/// (<c>createReply</c> on the original, found by its internetMessageId, then <c>send</c>), so that mail clients thread
/// it; otherwise a new message (<c>sendMail</c>). Graph sets the sent message's own Message-ID; the outbox id travels
/// in the <c>x-helpdesk-outbox-id</c> header. Sending at most once per outbox id is the consumer's job
/// (<see cref="SendRequesterMail"/> with its processed-messages record).
/// </summary>
public sealed class GraphOutgoingMailbox(GraphServiceClient graph, GraphOptions options) : IOutgoingMailbox
{
    public async Task SendAsync(OutboundEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var user = graph.Users[options.MailboxUserId];
        var original = email.InReplyTo is { Length: > 0 } inReplyTo ? await FindAsync(inReplyTo, cancellationToken).ConfigureAwait(false) : null;
        if (original?.Id is { } originalId)
        {
            var draft = await user.Messages[originalId].CreateReply.PostAsync(
                new CreateReplyPostRequestBody
                {
                    Message = new Message
                    {
                        Subject = email.Subject,
                        Body = new ItemBody { ContentType = BodyType.Text, Content = email.Text },
                        ToRecipients = [Recipient(email.To)],
                        InternetMessageHeaders = [OutboxHeader(email)],
                    },
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            await user.Messages[draft!.Id].Send.PostAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await user.SendMail.PostAsync(
            new SendMailPostRequestBody
            {
                SaveToSentItems = true,
                Message = new Message
                {
                    Subject = email.Subject,
                    Body = new ItemBody { ContentType = BodyType.Text, Content = email.Text },
                    ToRecipients = [Recipient(email.To)],
                    InternetMessageHeaders = [OutboxHeader(email)],
                },
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<Message?> FindAsync(string internetMessageId, CancellationToken cancellationToken)
    {
        var id = "<" + internetMessageId.Trim().Trim('<', '>') + ">";
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
