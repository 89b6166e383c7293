using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Evaluates the built-in contract's rules directly, so that the tables are tested as shipped.</summary>
internal static class DefaultRules
{
    public static readonly Money Invoice = Money.Brl(100_000m);

    public static IndicatorDefinition Indicator(string id) => DefaultAssessmentContract.Contract.Indicators.Single(i => i.Id == id);

    public static IndicatorPenalty PenaltyFor(string id, decimal value, InterpretationOptions? options = null)
    {
        var d = Indicator(id);
        return PenaltyCalculator.ForValue(d.Penalty!, value, d.Target!.Value, d.Comparison, d.Unit, Invoice, options ?? InterpretationOptions.Default);
    }
}
