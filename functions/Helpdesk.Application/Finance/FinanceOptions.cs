namespace Helpdesk.Application.Finance;

/// <summary>Settings of the finance timers (section <c>Finance</c>).</summary>
public sealed class FinanceOptions
{
    /// <summary>The contract's folder in the report store: <c>finance/{ContractId}/{yyyy-MM}/</c>.</summary>
    public string ContractId { get; set; } = "default";

    /// <summary>The monthly invoice in BRL the penalties are taken from; null: the contract's invoice values.</summary>
    public decimal? MonthlyInvoice { get; set; }
}
