namespace Helpdesk.Domain.Penalties;

/// <summary>
/// How a measured value is compared with its target and placed in the fine's bands and steps (contract
/// <c>options.targetComparison</c>). The annex states targets as plain numbers ("85%", "inferior ou igual a 20
/// segundos"): 94.995 % does not meet "95 %" and 20.49 s does not meet "≤ 20 s".
/// </summary>
public enum TargetComparison
{
    /// <summary>Default: the exact ratio is compared; rounding (<c>percentDecimals</c>, <c>secondsDecimals</c>) is for display only.</summary>
    Exact,

    /// <summary>ADR-010's earlier reading: the value is rounded as the annex writes numbers before comparing.</summary>
    Rounded,
}
