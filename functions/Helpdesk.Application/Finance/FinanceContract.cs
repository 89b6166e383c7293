using Helpdesk.Domain.Assessment;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Application.Finance;

/// <summary>The contract the finance timers assess with: its assessment sections and its calendar.</summary>
public sealed record FinanceContract(AssessmentContract Assessment, ContractDefinition Definition)
{
    /// <summary>The built-in default (the ministry's annex, seed 003) — the same default <c>helpdesk assess</c> uses.</summary>
    public static FinanceContract Default { get; } = new(DefaultAssessmentContract.Contract, DefaultContract.Definition);
}
