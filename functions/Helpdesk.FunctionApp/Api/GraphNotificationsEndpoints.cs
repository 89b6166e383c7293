using System.Text.Json;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Graph;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.Api;

/// <summary>
/// <c>POST /api/graph/notifications</c>, the Microsoft Graph webhook. A <c>validationToken</c> query is echoed as
/// text/plain (the subscription handshake, answered at once). Otherwise each notification whose clientState matches
/// (constant-time) is written to the outbox for the <c>graph-notifications</c> queue and the answer is 202 right away;
/// the message itself is fetched later by <c>ProcessGraphNotification</c>, so Graph's 3-second limit is kept.
/// Notifications with a wrong clientState are dropped (logged) and nothing of them is stored; the answer is still 202,
/// as Graph expects of any notification it delivered (a refusal would only make it retry). Several notifications for
/// one message in a batch are stored once; Graph's retries of a notification are absorbed by the processor, which
/// fetches each message once.
/// </summary>
public static partial class GraphNotificationsEndpoints
{
    public static void MapGraphNotificationsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/graph/notifications", ReceiveAsync).WithTags("Graph").WithName("GraphNotifications")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Hosting.RequestGuards.GraphNotificationBodyBytes));
    }

    internal static async Task<IResult> ReceiveAsync(HttpRequest request, IServiceProvider services, IOutboxWriter outbox, IIdGenerator ids, TimeProvider clock, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.Query.TryGetValue("validationToken", out var token))
        {
            return Results.Text(token.ToString(), "text/plain", System.Text.Encoding.UTF8, StatusCodes.Status200OK);
        }

        var options = services.GetService<IOptions<GraphOptions>>()?.Value;
        if (options?.ClientState is not { Length: > 0 } clientState)
        {
            return Results.Problem(detail: "A caixa de correio do Microsoft Graph não está configurada.", statusCode: StatusCodes.Status404NotFound, title: "Não configurado");
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<GraphNotification> notifications;
        try
        {
            notifications = GraphNotification.ParseBatch(body);
        }
        catch (JsonException)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["value"] = ["O corpo não é uma notificação do Microsoft Graph."] });
        }

        var logger = loggers.CreateLogger("Helpdesk.Graph");
        var messages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var notification in notifications)
        {
            if (!notification.HasClientState(clientState))
            {
                LogRejected(logger, notification.SubscriptionId ?? "?");
                continue;
            }

            if (notification.LifecycleEvent is null && notification.ResourceData?.Id is { Length: > 0 } messageId && !messages.Add(messageId))
            {
                continue; // the same message twice in one batch
            }

            await outbox.EnqueueAsync(new OutboxMessage(ids.NewId(), Queues.GraphNotifications, notification.ToJson(), clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return Results.Accepted();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph notification for subscription {Subscription} ignored: clientState does not match")]
    private static partial void LogRejected(ILogger logger, string subscription);
}
