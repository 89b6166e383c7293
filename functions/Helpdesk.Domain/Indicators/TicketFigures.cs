using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Indicators;

/// <summary>Everything one pass over the ticket history yields for a month.</summary>
public sealed record TicketFigures(
    IReadOnlyDictionary<IndicatorFormula, Measurement> Indicators,
    IReadOnlyList<LateActivity> LateActivities,
    ManagementFigures Management,
    VolumeHistory History,
    int ExcludedAtypical);
