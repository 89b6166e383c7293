namespace Helpdesk.Domain.Penalties;

/// <summary>
/// Whether "1 % per p.p. below" charges fractions of a point (DOMAIN.md AMBIGUOUS "partial points").
/// </summary>
public enum PartialPoints
{
    /// <summary>Default: whole steps only; 94.5 % against 95 % costs nothing, 93.9 % costs one step.</summary>
    WholeStepsOnly,

    /// <summary>Fractions are charged in proportion: 94.5 % against 95 % costs half a step.</summary>
    Proportional,
}
