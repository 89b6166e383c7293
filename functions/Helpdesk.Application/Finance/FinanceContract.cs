using Helpdesk.Domain.Contracts;

namespace Helpdesk.Application.Finance;

/// <summary>The contract the finance timers assess with: one loaded document, its calendar and its assessment sections.</summary>
public sealed record FinanceContract
{
    public FinanceContract(ContractDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Clock = definition.Clock;
        Assessment = definition.Assessment
            ?? throw new ArgumentException($"The contract '{definition.Id}' has no assessment sections (indicators).", nameof(definition));
    }

    /// <summary>The built-in default (the ministry's annex, seed 003) — the same default <c>helpdesk assess</c> uses.</summary>
    public static FinanceContract Default { get; } = new(DefaultContract.Definition);

    public ContractDefinition Definition { get; }

    /// <summary>The contract's civil clock: month boundaries, local dates (a Manaus contract closes at Manaus midnight).</summary>
    public ContractClock Clock { get; }

    /// <summary>The document's assessment sections (<see cref="ContractDefinition.Assessment"/>): the same object, not a second parse.</summary>
    public AssessmentContract Assessment { get; }
}
