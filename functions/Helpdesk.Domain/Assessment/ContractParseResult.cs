namespace Helpdesk.Domain.Assessment;

/// <summary>Either a valid contract or the list of problems, each naming the field (e.g. <c>indicators[2].penalty.cap: must be between 0 and 100</c>).</summary>
public sealed record ContractParseResult(AssessmentContract? Contract, IReadOnlyList<string> Errors)
{
    public bool IsValid => Contract is not null && Errors.Count == 0;
}
