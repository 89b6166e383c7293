namespace Helpdesk.Domain.Penalties;

/// <summary>"Se os indicadores permanecerem abaixo das metas … por dois meses consecutivos" (4.12): which misses make a run.</summary>
public enum AggravationScope
{
    /// <summary>Default: the same indicator missed in every month of the run.</summary>
    SameIndicator,

    /// <summary>Any indicator missed in each month of the run.</summary>
    AnyIndicator,
}
