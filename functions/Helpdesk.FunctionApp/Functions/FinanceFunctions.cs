using Helpdesk.Application.Finance;
using Helpdesk.Hosting.Metadata;
using Helpdesk.FunctionApp.Api;
using Helpdesk.FunctionApp.Invocation;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.FunctionApp.Functions;

/// <summary>The finance services, timers and export endpoints.</summary>
public static class FinanceFunctions
{
    public static void AddFinance(this IServiceCollection services, IConfiguration configuration)
    {
        var contractId = configuration["Finance:ContractId"] is { Length: > 0 } id ? id : new FinanceOptions().ContractId;
        try
        {
            _ = new Helpdesk.Application.Reports.ReportKey(contractId, Helpdesk.Application.Reports.ReportMonth.Create(2026, 1), "check");
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Finance__ContractId: {ex.Message}", ex);
        }
        decimal? invoice = null;
        if (configuration["Finance:MonthlyInvoice"] is { Length: > 0 } text && !string.Equals(text, "contract", StringComparison.OrdinalIgnoreCase))
        {
            invoice = decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new InvalidOperationException("Finance__MonthlyInvoice must be an amount in BRL with a decimal point (e.g. 1250000.00), or 'contract' for the contract's invoice values.");
        }

        services.Configure<FinanceOptions>(o =>
        {
            o.ContractId = contractId;
            o.MonthlyInvoice = invoice;
        });
        services.TryAddSingleton(sp => new FinanceContract(sp.GetRequiredService<Domain.Contracts.ContractDefinition>())); // the host's one contract
        services.AddSingleton<ClosedMonths>();
        services.AddSingleton<Justifications>();
        services.AddSingleton<ExportedTicketMapper>();
        services.AddSingleton<TicketExport>();
        services.AddSingleton<ClosingInputs>();
        services.AddSingleton<CallCentreImport>();
        services.AddSingleton<MonthlyClosing>();
        services.AddSingleton<SettlementInputs>();
        services.AddSingleton<Resettlement>();
        services.AddSingleton<IFunctionHandler, SettleJustificationsFunction>();
        services.AddSingleton<DailyIndicators>();
        services.AddSingleton<IFunctionHandler, DailyIndicatorsFunction>();
        services.AddSingleton<IFunctionHandler, MonthlyClosingFunction>();
    }
}

/// <summary>Timer, 00:05 São Paulo: the previous day's month-to-date indicators for the dashboard (replaces that day's figures).</summary>
public sealed class DailyIndicatorsFunction(DailyIndicators daily, TimeProvider clock) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.DailyIndicators.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.DailyIndicators.Trigger.Name);
        var now = clock.GetUtcNow();
        var day = daily.PreviousDay(now);
        var figures = await daily.ComputeAsync(day, now, cancellationToken).ConfigureAwait(false);
        return new InvocationResponse { Logs = [$"daily indicators of {day:yyyy-MM-dd}: {figures.Count} figures stored"] };
    }
}

/// <summary>Timer, 00:30 São Paulo on the 1st: closes the previous month and publishes the finance documents.</summary>
public sealed class MonthlyClosingFunction(MonthlyClosing closing, TimeProvider clock) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.MonthlyClosing.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.MonthlyClosing.Trigger.Name);
        var now = clock.GetUtcNow();
        var result = await closing.CloseAsync(closing.PreviousMonth(now), now, cancellationToken).ConfigureAwait(false);
        var summary = result.Published[0].Report;
        return new InvocationResponse
        {
            Logs =
            [
                result.Changed
                    ? $"month {result.Month} closed over {result.Tickets} tickets: version {summary.Version} published ({result.Published.Count(p => p.Created)} documents)"
                    : $"month {result.Month} closed over {result.Tickets} tickets: figures unchanged since version {summary.Version}, nothing published",
            ],
        };
    }
}

/// <summary>Timer, 00:10 São Paulo: settles again the last closed months whose justification windows were still open (ADR-015).</summary>
public sealed class SettleJustificationsFunction(Resettlement resettlement, TimeProvider clock) : IFunctionHandler
{
    public string FunctionName => FunctionCatalog.SettleJustifications.Name;

    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        _ = request.Required(FunctionCatalog.SettleJustifications.Trigger.Name);
        var results = await resettlement.RunAsync(clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new InvocationResponse
        {
            Logs = results.Count == 0
                ? ["no closed month with an open justification window"]
                : results.Select(r => r.Changed
                    ? $"month {r.Month} settled again: version {r.Published[0].Report.Version} published"
                    : $"month {r.Month} settled again: unchanged since version {r.Published[0].Report.Version}, nothing published").ToList(),
        };
    }
}
