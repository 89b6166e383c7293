namespace Helpdesk.Domain.Penalties;

/// <summary>
/// A month's reduction as finance must apply it once the justification workflow (seed 003 3.8) is taken into account:
/// per missed indicator its disposition; the amounts applied, still pending, waived (accepted or tacitly accepted) and
/// deferred to a later invoice; the reductions carried in from earlier months' late rejections; the aggravations and
/// rescission count recomputed without the cleared misses; and the settled <see cref="Outcome"/> that later months read
/// as history (ADR-015).
/// </summary>
public sealed record MonthSettlement
{
    public required DateOnly ClosedOn { get; init; }

    /// <summary>No window is open any more: only a late rejection can still change the settlement.</summary>
    public required bool Final { get; init; }

    public required IReadOnlyList<SettledIndicator> Indicators { get; init; }

    public required IReadOnlyList<DeferredReduction> CarriedIn { get; init; }

    public required Money Applied { get; init; }

    public required Money Pending { get; init; }

    public required Money Waived { get; init; }

    public required Money Deferred { get; init; }

    public Money CarriedInAmount => CarriedIn.Aggregate(Money.Zero, (sum, d) => sum + d.Amount);

    /// <summary>The month's own indicator reductions on this invoice: applied plus pending, never above the month's (capped) fines.</summary>
    public required Money OwnOnThisInvoice { get; init; }

    public required IReadOnlyList<Aggravation> Aggravations { get; init; }

    public Money AggravationsAmount => Aggravations.Aggregate(Money.Zero, (sum, a) => sum + a.Amount);

    /// <summary>What finance deducts from this month's invoice: own reductions, aggravations, and the reductions carried in.</summary>
    public Money OnThisInvoice => OwnOnThisInvoice + AggravationsAmount + CarriedInAmount;

    public required RescissionStatus Rescission { get; init; }

    public required MonthOutcome Outcome { get; init; }
}
