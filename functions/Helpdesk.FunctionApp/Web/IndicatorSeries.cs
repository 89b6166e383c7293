using System.Globalization;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.FunctionApp.Web;

/// <summary>
/// One indicator's daily month-to-date figures for the dashboard (what the <c>DailyIndicators</c> timer stored), with
/// the contract's unit and comparison so that the page can say "97,5 % (meta ≥ 95 %) — atingida".
/// </summary>
public sealed record IndicatorSeries(string Id, string Name, IndicatorUnit Unit, Comparison Comparison, IReadOnlyList<DailyIndicator> Days)
{
    public DailyIndicator? Latest => Days.Count == 0 ? null : Days[^1];

    /// <summary>The series of the month, one per indicator of the contract that has figures, in the contract's order.</summary>
    public static IReadOnlyList<IndicatorSeries> Of(AssessmentContract contract, IEnumerable<DailyIndicator> figures)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var byId = figures.GroupBy(f => f.IndicatorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Day).ToList(), StringComparer.Ordinal);
        return [.. contract.Indicators
            .Where(i => byId.ContainsKey(i.Id))
            .Select(i => new IndicatorSeries(i.Id, i.Name, i.Unit, i.Comparison, byId[i.Id]))];
    }

    public string Format(decimal? value) => value is not { } v ? "—"
        : Unit == IndicatorUnit.Percent ? v.ToString("0.##", Display.Culture) + " %"
        : v.ToString("0.#", Display.Culture) + " s";

    public string FormatTarget(decimal? target) => target is null ? "sem meta" : $"{ComparisonText} {Format(target)}";

    public static string Situation(DailyIndicator day) => day.Met switch
    {
        true => "atingida",
        false => "não atingida",
        null => day.Value is null ? "não medido" : "sem meta",
    };

    public static string SituationClass(DailyIndicator day) => day.Met switch
    {
        true => "ok",
        false => "breached",
        null => string.Empty,
    };

    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private string ComparisonText => Comparison switch
    {
        Comparison.AtLeast => "≥",
        Comparison.GreaterThan => ">",
        Comparison.AtMost => "≤",
        _ => "<",
    };
}
