namespace Helpdesk.Domain.Contracts;

/// <summary>
/// The ministry's annex (seed 003) as the built-in contract: the assessment sections of the built-in contract document
/// (Contracts/default-contract.json), as its one load carries them (<see cref="Contracts.ContractDefinition.Assessment"/>).
/// </summary>
public static class DefaultAssessmentContract
{
    /// <summary>The raw JSON, so that it can be exported, edited and passed back with <c>--contract</c>: the whole
    /// built-in contract document (<c>Contracts/default-contract.json</c>), whose assessment sections
    /// live beside the calendar, catalogue and clock settings, one versioned document.</summary>
    public static string Json => Contracts.DefaultContract.Json();

    public static AssessmentContract Contract =>
        Contracts.DefaultContract.Definition.Assessment ?? throw new InvalidOperationException("The built-in contract document has no assessment sections.");
}
