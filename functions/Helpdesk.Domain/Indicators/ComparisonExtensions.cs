namespace Helpdesk.Domain.Indicators;

public static class ComparisonExtensions
{
    public static bool IsMet(this Comparison comparison, decimal value, decimal target) => comparison switch
    {
        Comparison.AtLeast => value >= target,
        Comparison.GreaterThan => value > target,
        Comparison.AtMost => value <= target,
        Comparison.LessThan => value < target,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, null),
    };

    /// <summary>True when a larger value is better (the indicator is a rate to maximise).</summary>
    public static bool HigherIsBetter(this Comparison comparison) => comparison is Comparison.AtLeast or Comparison.GreaterThan;

    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.AtLeast => ">=",
        Comparison.GreaterThan => ">",
        Comparison.AtMost => "<=",
        _ => "<",
    };
}
