using Helpdesk.Domain.Audit;

namespace Helpdesk.Application.Audit;

/// <summary>Findings of the text searches, with the counts the auditor reports. The API answers with these and
/// <c>helpdesk audit</c> writes them, with the same JSON options (<see cref="JsonDefaults"/>).</summary>
public sealed record ReopeningsResponse(int WindowDays, bool ComplaintsOnly, IReadOnlyList<string> Keywords, IReadOnlyList<ReopenFinding> Findings);

public sealed record MisclassifiedResponse(IReadOnlyList<string> Keywords, IReadOnlyList<string> ComplaintCategories, IReadOnlyList<MisclassificationFinding> Findings);

public sealed record ChainsResponse(int Checked, int Failed, IReadOnlyList<ChainFailure> Failures);
