namespace Helpdesk.Domain.Indicators;

/// <summary>Accumulates a <see cref="Measurement"/> one record at a time.</summary>
public sealed class MeasurementBuilder(IndicatorUnit unit)
{
    private readonly List<string> _evidence = [];
    private readonly List<string> _numeratorEvidence = [];
    private decimal _numerator;
    private decimal _denominator;
    private long _countedNumerator;
    private long _countedDenominator;
    private long _numeratorTicks;

    /// <summary>A ticket in the population; <paramref name="counted"/> puts it in the numerator too.</summary>
    public void Count(string protocol, bool counted)
    {
        _countedDenominator++;
        _evidence.Add(protocol);
        if (counted)
        {
            _countedNumerator++;
            _numeratorEvidence.Add(protocol);
        }
    }

    /// <summary>A record contributing amounts (seconds, calls) rather than one unit.</summary>
    public void Add(string evidence, decimal numerator, decimal denominator)
    {
        _numerator += numerator;
        _denominator += denominator;
        _evidence.Add(evidence);
    }

    /// <summary>A record contributing a duration (summed exactly in ticks, reported in seconds) over <paramref name="denominator"/> units.</summary>
    public void AddDuration(string evidence, TimeSpan numerator, long denominator)
    {
        _numeratorTicks += numerator.Ticks;
        _countedDenominator += denominator;
        _evidence.Add(evidence);
    }

    public Measurement Build() => new(
        _numerator + _countedNumerator + (_numeratorTicks / (decimal)TimeSpan.TicksPerSecond),
        _denominator + _countedDenominator,
        unit,
        _evidence,
        _numeratorEvidence);
}
