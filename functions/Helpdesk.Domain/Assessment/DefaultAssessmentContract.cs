using System.Reflection;

namespace Helpdesk.Domain.Assessment;

/// <summary>The ministry's annex (seed 003) as the built-in contract, from the embedded DefaultAssessmentContract.json.</summary>
public static class DefaultAssessmentContract
{
    private static readonly Lazy<AssessmentContract> Parsed = new(() =>
    {
        var result = AssessmentContractParser.Parse(Json);
        return result.Contract ?? throw new InvalidOperationException("The embedded default contract is invalid: " + string.Join("; ", result.Errors));
    });

    /// <summary>The raw JSON, so that it can be exported, edited and passed back with <c>--contract</c>.</summary>
    public static string Json
    {
        get
        {
            using var stream = typeof(DefaultAssessmentContract).Assembly.GetManifestResourceStream("Helpdesk.Domain.Assessment.DefaultAssessmentContract.json")
                ?? throw new InvalidOperationException("DefaultAssessmentContract.json is not embedded.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    public static AssessmentContract Contract => Parsed.Value;
}
