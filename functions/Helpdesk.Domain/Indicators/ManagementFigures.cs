namespace Helpdesk.Domain.Indicators;

/// <summary>
/// Figures shown beside the contractual indicators (seeds 000, 001): mean time to first response and between replies,
/// survey response rate, SCM14's lists, volumes of the month and backlog at its end per dimension.
/// </summary>
public sealed record ManagementFigures(
    Measurement MeanFirstResponseSeconds,
    Measurement MeanSecondsBetweenReplies,
    Measurement SurveyResponseRate,
    Breakdown Volumes,
    Breakdown Backlog,
    IReadOnlyList<string> RepliedAfterTenBusinessDays,
    IReadOnlyList<string> OpenFromEarlierMonths);
