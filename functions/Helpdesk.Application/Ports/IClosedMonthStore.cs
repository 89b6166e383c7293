using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Application.Ports;

/// <summary>
/// A closed month as finance state, typed: what the month's latest published summary (<c>assessment.json</c>, version
/// <see cref="SummaryVersion"/>) says that later closings, the justification workflow and the daily re-settling need.
/// <see cref="Outcome"/> is the outcome assessed from the tickets; <see cref="Settled"/> the settled outcome (ADR-015:
/// accepted misses removed, deferred reductions listed), null when the summary has no settlement; <see cref="Final"/>
/// whether no justification window is open any more (false without a settlement); <see cref="ClosedOn"/> the São Paulo
/// day of the first published version. Amounts are to the cent, as published. The published files stay the audit
/// artifact; this record is the same figures kept by the store.
/// </summary>
public sealed record ClosedMonth(
    string Contract,
    AssessmentMonth Month,
    int SummaryVersion,
    DateOnly ClosedOn,
    MonthOutcome Outcome,
    MonthOutcome? Settled,
    bool Final)
{
    /// <summary>What later closings read as this month's history: the settled outcome when settled, else the assessed one.</summary>
    public MonthOutcome History => Settled ?? Outcome;
}

/// <summary>Keeps the typed closed months (one per contract and month), written by the monthly closing when it publishes.</summary>
public interface IClosedMonthStore
{
    /// <summary>The month's record, or null if none is kept.</summary>
    Task<ClosedMonth?> GetAsync(string contract, AssessmentMonth month, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="closed"/> unless the record kept for its month is of a later summary version (a
    /// same version replaces it); returns the record kept afterwards, also when callers race.</summary>
    Task<ClosedMonth> SaveAsync(ClosedMonth closed, CancellationToken cancellationToken);
}
