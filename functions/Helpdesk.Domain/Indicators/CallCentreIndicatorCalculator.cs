using System.Globalization;
using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Indicators;

/// <summary>
/// Sums call-centre intervals of the month (intervals starting on atypical days excluded, seed 003 4.1) into the
/// call-centre formulas. Evidence lists the interval starts used.
/// </summary>
public sealed class CallCentreIndicatorCalculator(AssessmentMonth month, TimeZoneInfo zone, IReadOnlySet<DateOnly> atypicalDays)
{
    private readonly ZonedMonth _window = ZonedMonth.Of(month, zone);
    private readonly Dictionary<IndicatorFormula, MeasurementBuilder> _builders = new()
    {
        [IndicatorFormula.CallsAnsweredWithin30Seconds] = new(IndicatorUnit.Percent),
        [IndicatorFormula.ServiceLevel20Seconds] = new(IndicatorUnit.Percent),
        [IndicatorFormula.MeanWait] = new(IndicatorUnit.Seconds),
        [IndicatorFormula.MeanHandling] = new(IndicatorUnit.Seconds),
        [IndicatorFormula.IvrRetention] = new(IndicatorUnit.Percent),
        [IndicatorFormula.BotRetention] = new(IndicatorUnit.Percent),
        [IndicatorFormula.ChatRetention] = new(IndicatorUnit.Percent),
        [IndicatorFormula.ChatMeanHandling] = new(IndicatorUnit.Seconds),
        [IndicatorFormula.Availability] = new(IndicatorUnit.Percent),
    };

    public int ExcludedAtypical { get; private set; }

    public void Add(CallCentreInterval row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!_window.Contains(row.Start))
        {
            return;
        }

        if (atypicalDays.Count > 0 && atypicalDays.Contains(ZonedMonth.LocalDate(row.Start, zone)))
        {
            ExcludedAtypical++;
            return;
        }

        var id = row.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        _builders[IndicatorFormula.CallsAnsweredWithin30Seconds].Add(id, row.AnsweredWithin30Seconds, row.Offered);
        _builders[IndicatorFormula.ServiceLevel20Seconds].Add(id, row.AnsweredWithin20Seconds, row.Answered + row.AbandonedAfter20Seconds);
        _builders[IndicatorFormula.MeanWait].Add(id, row.WaitSeconds, row.RoutedToHuman);
        _builders[IndicatorFormula.MeanHandling].Add(id, row.HandlingSeconds, row.Answered);
        _builders[IndicatorFormula.IvrRetention].Add(id, row.IvrRetained, row.IvrCalls);
        _builders[IndicatorFormula.BotRetention].Add(id, row.BotResolved, row.BotDemands);
        _builders[IndicatorFormula.ChatRetention].Add(id, row.ChatResolved, row.ChatDemands);
        _builders[IndicatorFormula.ChatMeanHandling].Add(id, row.ChatHandlingSeconds, row.Chats);
        var planned = row.Minutes * 60m;
        _builders[IndicatorFormula.Availability].Add(id, planned - row.UnavailableSeconds, planned);
    }

    public IReadOnlyDictionary<IndicatorFormula, Measurement> Result() => _builders.ToDictionary(kv => kv.Key, kv => kv.Value.Build());
}
