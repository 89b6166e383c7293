using System.Text.Json;
using Helpdesk.Domain.Audit;

namespace Helpdesk.Application.Audit;

/// <summary>Findings of the text searches, with the counts the auditor reports. The API answers with these and
/// <c>helpdesk audit</c> writes them, with the same JSON options (<see cref="JsonDefaults"/>).</summary>
public sealed record ReopeningsResponse(int WindowDays, bool ComplaintsOnly, IReadOnlyList<string> Keywords, IReadOnlyList<ReopenFinding> Findings);

public sealed record MisclassifiedResponse(IReadOnlyList<string> Keywords, IReadOnlyList<string> ComplaintCategories, IReadOnlyList<MisclassificationFinding> Findings);

public sealed record ChainsResponse(int Checked, int Failed, IReadOnlyList<ChainFailure> Failures);

/// <summary>The JSON form of the audit reports: the HTTP API's (ASP.NET Core's web defaults, enums as camelCase strings,
/// relaxed escaping so that "não" stays readable), so that <c>helpdesk audit</c> writes the API's bytes. A test
/// compares the two.</summary>
public static class AuditReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonDefaults.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
