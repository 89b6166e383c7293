using Helpdesk.Domain.Mail;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.MailFolders.Item.Messages.Delta;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>The support mailbox on Graph: fetch messages (immutable ids), resynchronise with a delta query, and keep
/// the change-notification subscription alive.</summary>
public sealed partial class GraphMailbox(GraphServiceClient graph, GraphOptions options, TimeProvider clock, ILogger<GraphMailbox> logger)
{
    public async Task<InboundEmail?> FetchAsync(string messageId, CancellationToken cancellationToken)
    {
        try
        {
            var message = await graph.Users[options.MailboxUserId].Messages[messageId].GetAsync(
                r =>
                {
                    r.QueryParameters.Select = GraphMessages.Fields;
                    r.QueryParameters.Expand = ["attachments"];
                    r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds);
                },
                cancellationToken).ConfigureAwait(false);
            return message is null ? null : GraphMessages.ToInboundEmail(message);
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == 404)
        {
            return null; // deleted or moved away before we fetched it
        }
    }

    /// <summary>Every inbox message received in the resync window (delta query, all pages).</summary>
    public async Task<IReadOnlyList<InboundEmail>> ResyncAsync(CancellationToken cancellationToken)
    {
        var since = (clock.GetUtcNow() - options.ResyncWindow).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var builder = graph.Users[options.MailboxUserId].MailFolders["inbox"].Messages.Delta;
        var page = await builder.GetAsDeltaGetResponseAsync(
            r =>
            {
                r.QueryParameters.Filter = $"receivedDateTime ge {since}";
                r.QueryParameters.Select = GraphMessages.Fields;
                r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds);
            },
            cancellationToken).ConfigureAwait(false);
        var emails = new List<InboundEmail>();
        while (page is not null)
        {
            foreach (var message in (page.Value ?? []).Where(m => m.AdditionalData?.ContainsKey("@removed") != true))
            {
                // A delta query cannot expand attachments: a message that may hold files is fetched again with them.
                var full = GraphMessages.MayHoldFiles(message) && message.Id is { } id ? await FetchAsync(id, cancellationToken).ConfigureAwait(false) : null;
                emails.Add(full ?? GraphMessages.ToInboundEmail(message));
            }
            if (page.OdataNextLink is not { Length: > 0 } next)
            {
                break;
            }

            page = await new DeltaRequestBuilder(next, graph.RequestAdapter).GetAsDeltaGetResponseAsync(
                r => r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds), cancellationToken).ConfigureAwait(false);
        }

        return emails;
    }

    /// <summary>Creates the inbox subscription if there is none, renews it if it expires soon. Returns what it did.</summary>
    public async Task<string> EnsureSubscriptionAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ours = await FindOursAsync(cancellationToken).ConfigureAwait(false);
        if (ours is null)
        {
            await CreateSubscriptionAsync(cancellationToken).ConfigureAwait(false);
            return "created";
        }

        if (ours.ExpirationDateTime is { } expires && expires - now > options.RenewBefore)
        {
            return "kept";
        }

        await RenewSubscriptionAsync(ours.Id!, cancellationToken).ConfigureAwait(false);
        return "renewed";
    }

    /// <summary>At start-up: creates the inbox subscription when none exists, so that mail flows from the first
    /// deployment instead of after the first renewal timer. Returns what it did ("created" or "exists").</summary>
    public async Task<string> EnsureFirstSubscriptionAsync(CancellationToken cancellationToken)
    {
        if (await FindOursAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return "exists";
        }

        await CreateSubscriptionAsync(cancellationToken).ConfigureAwait(false);
        return "created";
    }

    /// <summary>Creates the subscription; with <c>Prefer: IdType="ImmutableId"</c>, so that the ids in its notifications
    /// are the immutable ids the message is fetched by.</summary>
    public async Task CreateSubscriptionAsync(CancellationToken cancellationToken)
    {
        var created = await graph.Subscriptions.PostAsync(
            new Subscription
            {
                ChangeType = "created",
                NotificationUrl = options.NotificationUrl?.ToString(),
                LifecycleNotificationUrl = options.NotificationUrl?.ToString(),
                Resource = options.MailboxResource,
                ExpirationDateTime = clock.GetUtcNow() + options.SubscriptionLifetime,
                ClientState = options.ClientState,
            },
            r => r.Headers.Add("Prefer", GraphMessages.PreferImmutableIds),
            cancellationToken).ConfigureAwait(false);
        LogSubscription(logger, "created", created?.Id ?? "?", created?.ExpirationDateTime);
    }

    public async Task RenewSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var renewed = await graph.Subscriptions[subscriptionId].PatchAsync(
            new Subscription { ExpirationDateTime = clock.GetUtcNow() + options.SubscriptionLifetime },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        LogSubscription(logger, "renewed", subscriptionId, renewed?.ExpirationDateTime);
    }

    private async Task<Subscription?> FindOursAsync(CancellationToken cancellationToken)
    {
        var existing = await graph.Subscriptions.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return (existing?.Value ?? []).FirstOrDefault(s =>
            string.Equals(s.NotificationUrl, options.NotificationUrl?.ToString(), StringComparison.OrdinalIgnoreCase) &&
            string.Equals(s.Resource, options.MailboxResource, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Graph subscription {Subscription} {Action}, expires {Expires}")]
    private static partial void LogSubscription(ILogger logger, string action, string subscription, DateTimeOffset? expires);
}
