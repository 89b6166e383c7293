namespace Helpdesk.Domain.Indicators;

/// <summary>
/// An auditable figure: numerator, denominator and the records behind them. <see cref="Evidence"/> lists the
/// denominator's population (ticket protocols, or call-centre interval starts); <see cref="NumeratorEvidence"/> the
/// protocols counted in the numerator (empty for call-centre figures, whose numerators are call counts).
/// </summary>
public sealed record Measurement(
    decimal Numerator,
    decimal Denominator,
    IndicatorUnit Unit,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<string> NumeratorEvidence)
{
    /// <summary>Numerator / denominator, × 100 for percentages; null when the denominator is zero (nothing to measure).</summary>
    public decimal? Value => Denominator == 0m ? null : Unit == IndicatorUnit.Percent ? Numerator * 100m / Denominator : Numerator / Denominator;

    public static Measurement Empty(IndicatorUnit unit) => new(0m, 0m, unit, [], []);
}
