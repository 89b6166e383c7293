using Helpdesk.Application.Privacy;
using Helpdesk.FunctionApp.Invocation;
using Helpdesk.Hosting.Metadata;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>
/// Timer, daily: the retention of ended tickets (the contract's <c>retention</c> section, LGPD art. 16) is over, so their
/// requester's personal data is erased, each ticket sealed in its own history (docs/decisions/ADR-023). Idempotent: a
/// rerun finds nothing more to erase.
/// </summary>
public sealed class EraseExpiredPersonalDataFunction(DataSubjectRights rights) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.EraseExpiredPersonalData.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.EraseExpiredPersonalData.Trigger.Name);
        var erased = await rights.EraseExpiredAsync(cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [$"personal data of {erased} ended ticket(s) past their retention erased"] };
    }
}
