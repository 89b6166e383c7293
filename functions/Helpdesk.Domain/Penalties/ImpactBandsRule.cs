namespace Helpdesk.Domain.Penalties;

/// <summary>
/// A low / medium / high impact fine (seed 003, 4.5–4.6: 1 %, 3 %, 5 % of the month's invoice). Impact fines count
/// towards the rescission thresholds (4.2).
/// </summary>
public sealed record ImpactBandsRule(BandTable Table) : PenaltyRule;
