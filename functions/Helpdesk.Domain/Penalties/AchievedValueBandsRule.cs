namespace Helpdesk.Domain.Penalties;

/// <summary>A fine chosen by the value achieved (indicators 2 and 3: "&gt;= 70 % e &lt; 95 %: 2 %").</summary>
public sealed record AchievedValueBandsRule(BandTable Table) : PenaltyRule;
