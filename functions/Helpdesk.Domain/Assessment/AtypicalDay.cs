namespace Helpdesk.Domain.Assessment;

/// <summary>A day disrupted by causes outside the supplier's control, excluded from the assessment (seed 003 4.1).</summary>
public sealed record AtypicalDay(DateOnly Date, string Reason);
