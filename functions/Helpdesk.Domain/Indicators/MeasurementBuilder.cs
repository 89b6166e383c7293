namespace Helpdesk.Domain.Indicators;

/// <summary>Accumulates a <see cref="Measurement"/> one record at a time.</summary>
public sealed class MeasurementBuilder(IndicatorUnit unit)
{
    private readonly List<string> _evidence = [];
    private readonly List<string> _numeratorEvidence = [];
    private decimal _numerator;
    private decimal _denominator;

    /// <summary>A ticket in the population; <paramref name="counted"/> puts it in the numerator too.</summary>
    public void Count(string protocol, bool counted)
    {
        _denominator++;
        _evidence.Add(protocol);
        if (counted)
        {
            _numerator++;
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

    public Measurement Build() => new(_numerator, _denominator, unit, _evidence, _numeratorEvidence);
}
