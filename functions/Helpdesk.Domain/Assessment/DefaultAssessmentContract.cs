namespace Helpdesk.Domain.Assessment;

/// <summary>The ministry's annex (seed 003) as the built-in contract, from the assessment sections of the built-in contract document (Contracts/default-contract.json).</summary>
public static class DefaultAssessmentContract
{
    private static readonly Lazy<AssessmentContract> Parsed = new(() =>
    {
        var result = AssessmentContractParser.Parse(Json);
        return result.Contract ?? throw new InvalidOperationException("The embedded default contract is invalid: " + string.Join("; ", result.Errors));
    });

    /// <summary>The raw JSON, so that it can be exported, edited and passed back with <c>--contract</c>: the whole
    /// built-in contract document (<c>Contracts/default-contract.json</c>), whose assessment sections
    /// live beside the calendar, catalogue and clock settings, one versioned document.</summary>
    public static string Json => Contracts.DefaultContract.Json();

    public static AssessmentContract Contract => Parsed.Value;
}
