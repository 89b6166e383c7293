namespace Helpdesk.Domain.Penalties;

/// <summary>
/// Where a per-step penalty starts counting (DOMAIN.md AMBIGUOUS, indicator 6 "0,5 % per 0,5 % of unavailability").
/// </summary>
public enum ShortfallOrigin
{
    /// <summary>Default: only the distance below the target is charged (like indicators 1, 4 and 7).</summary>
    Target,

    /// <summary>The whole distance from the ideal (100 % for a percentage to maximise, 0 for one to minimise) is charged once the target is missed.</summary>
    Ideal,
}
