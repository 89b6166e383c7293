using Helpdesk.Hosting.Metadata;
using Helpdesk.Application.Ports;
using Helpdesk.FunctionApp.Invocation;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>Timer, every minute: if the store answers, records a heartbeat for that minute (availability indicator).</summary>
public sealed class AvailabilityProbeFunction(IAvailabilityLog availability, TimeProvider clock) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.AvailabilityProbe.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.AvailabilityProbe.Trigger.Name);
        var now = clock.GetUtcNow();
        await availability.RecordHeartbeatAsync(now, cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = ["heartbeat recorded"] };
    }
}
