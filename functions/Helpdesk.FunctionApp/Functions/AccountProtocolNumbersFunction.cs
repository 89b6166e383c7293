using Helpdesk.Hosting.Metadata;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Contracts;
using Helpdesk.FunctionApp.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>
/// Timer, hourly: every protocol number is accounted for (ADR-003). Numbers of the current São Paulo year (and, in
/// January, of the previous one, whose last reservations may have been abandoned around midnight) that were reserved
/// but never became tickets are recorded as void with the reason. Idempotent: a rerun voids nothing new. Nothing to
/// do on the SQLite store, which reserves the number in the ticket's own transaction.
/// </summary>
public sealed class AccountProtocolNumbersFunction(IServiceProvider services, TimeProvider clock) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.AccountProtocolNumbers.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.AccountProtocolNumbers.Trigger.Name);
        var accounting = services.GetService<IProtocolAccounting>();
        if (accounting is null)
        {
            return new InvocationResponse { Logs = ["the store reserves numbers in the ticket's own transaction; nothing to account for"] };
        }

        var logs = new List<string>();
        foreach (var year in YearsToAccount(clock.GetUtcNow(), services.GetRequiredService<ContractDefinition>().Clock))
        {
            var voided = await accounting.AccountForNumbersAsync(year, cancellationToken).ConfigureAwait(false);
            logs.Add(voided.Count == 0
                ? $"{year}: every number accounted for"
                : $"{year}: {voided.Count} abandoned number(s) recorded as void: {string.Join(", ", voided)}");
        }

        return new InvocationResponse { Logs = logs };
    }

    /// <summary>The protocol year of <paramref name="now"/> on the contract's clock, and in January the previous one too.</summary>
    public static IReadOnlyList<int> YearsToAccount(DateTimeOffset now, ContractClock contractClock)
    {
        ArgumentNullException.ThrowIfNull(contractClock);
        var today = contractClock.ToLocal(now);
        return today.Month == 1 ? [today.Year, today.Year - 1] : [today.Year];
    }
}
