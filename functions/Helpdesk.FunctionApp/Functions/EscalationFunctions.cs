using Helpdesk.Application.Escalation;
using Helpdesk.Hosting.Metadata;
using Helpdesk.Application.Notifications;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Sla;
using Helpdesk.FunctionApp.Invocation;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>Service Bus trigger on <c>escalations</c>: routes and assigns one hand-off to level 2, once per outbox id.</summary>
public sealed class RouteEscalationFunction(RouteEscalation useCase) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.RouteEscalation.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var message = request.Body(FunctionCatalog.RouteEscalation.Trigger.Name, EscalationMessage.FromJson, "an escalation");
        var outcome = await useCase.HandleAsync(message, cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [$"escalation of {message.Protocol}: {outcome}"] };
    }
}

/// <summary>Service Bus trigger on <c>teams-notifications</c>: posts one Adaptive Card, once per outbox id.</summary>
public sealed class NotifyTeamsFunction(NotifyTeams useCase) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.NotifyTeams.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var card = request.Body(FunctionCatalog.NotifyTeams.Trigger.Name, TeamsCard.FromJson, "a Teams card");
        var posted = await useCase.HandleAsync(card, cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [$"{(posted ? "posted" : "already posted")} {card.Notification.Kind} card for {card.Notification.Protocol}"] };
    }
}

/// <summary>Timer, every minute: the deadline sweep (warnings, automatic escalation with reason "prazo", supervisor alerts).</summary>
public sealed class SweepDeadlinesFunction(DeadlineSweep sweep, TimeProvider clock) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.SweepDeadlines.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.SweepDeadlines.Trigger.Name);
        var result = await sweep.RunAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [$"examined {result.Examined}, escalated {result.Escalated}, at-risk warnings {result.AtRiskWarnings}, breach warnings {result.BreachWarnings}"] };
    }
}
