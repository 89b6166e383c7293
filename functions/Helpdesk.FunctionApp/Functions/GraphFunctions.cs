using System.Text.Json;
using Helpdesk.Hosting.Metadata;
using Helpdesk.FunctionApp.Invocation;
using Helpdesk.Infrastructure.Azure.Graph;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>Service Bus trigger on <c>graph-notifications</c>: one stored Graph notification.</summary>
public sealed class ProcessGraphNotificationFunction(IServiceProvider services) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.ProcessGraphNotification.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var body = InvocationData.UnwrapString(request.Required(FunctionCatalog.ProcessGraphNotification.Trigger.Name));
        GraphNotification notification;
        try
        {
            notification = GraphNotification.FromJson(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException("The message body is not a Graph notification: " + ex.Message, ex);
        }

        // Without Graph settings nothing can be fetched: fail, so that the message is retried and then dead-lettered.
        var processor = services.GetService<GraphNotificationProcessor>()
            ?? throw new InvalidOperationException("The Microsoft Graph mailbox is not configured (Graph__* settings).");
        var outcome = await processor.ProcessAsync(notification, cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [outcome] };
    }
}

/// <summary>Timer: creates or renews the mailbox subscription before it expires (nothing to do without Graph settings).</summary>
public sealed class RenewGraphSubscriptionFunction(IServiceProvider services) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.RenewGraphSubscription.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.RenewGraphSubscription.Trigger.Name);
        var mailbox = services.GetService<GraphMailbox>();
        if (mailbox is null)
        {
            return new InvocationResponse { Logs = ["Microsoft Graph is not configured; no subscription to keep"] };
        }

        var action = await mailbox.EnsureSubscriptionAsync(cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [$"subscription {action}"] };
    }
}
