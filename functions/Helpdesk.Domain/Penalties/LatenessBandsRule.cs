namespace Helpdesk.Domain.Penalties;

/// <summary>
/// Indicator 5: each late activity (service order) is fined a percentage of its own value by how many hours late it was
/// ("&gt; 0h e &lt;= 24h: 5 % da atividade" … "&gt; 72h: 15 %"). The band table is in hours.
/// </summary>
public sealed record LatenessBandsRule(BandTable Table) : PenaltyRule;
