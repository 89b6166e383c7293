using System.Globalization;
using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Indicators;

/// <summary>What the heartbeat log says of a month: the availability measurement and the outages behind it.</summary>
/// <param name="Measurement">Available seconds over planned seconds; its evidence lists the outage intervals counted.</param>
/// <param name="Outages">The outages counted (atypical days cut out), in time order.</param>
/// <param name="HasHeartbeats">False when the log holds no heartbeat in the measured period: not measured, not 0 %.</param>
public sealed record AvailabilityFigures(Measurement Measurement, IReadOnlyList<Outage> Outages, bool HasHeartbeats);

/// <summary>
/// Turns the availability probe's heartbeats into indicator 6 / IDS: planned operating time is every minute of the
/// month (the service runs around the clock) up to <see cref="AvailabilityInput.Until"/>, São Paulo days declared
/// atypical left out (seed 003, 4.1); unavailable time is the outages found by <see cref="AvailabilityProbeRule"/>. An
/// outage that crosses the month's start or end is found from the heartbeats on both sides and counted only for
/// the part inside the month.
/// </summary>
public static class AvailabilityCalculator
{
    public static AvailabilityFigures Measure(AssessmentMonth month, TimeZoneInfo zone, IReadOnlySet<DateOnly> atypicalDays, AvailabilityInput input)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(atypicalDays);
        ArgumentNullException.ThrowIfNull(input);
        var rule = input.Rule;
        var window = ZonedMonth.Of(month, zone);
        var from = window.Start;
        var until = input.Until < window.End ? input.Until : window.End;
        if (until <= from)
        {
            return new AvailabilityFigures(Measurement.Empty(IndicatorUnit.Percent), [], HasHeartbeats: false);
        }

        var scanFrom = rule.SlotOf(from - rule.Margin);
        var scanTo = until + rule.Margin;
        var beats = new HashSet<long>();
        var inPeriod = false;
        foreach (var beat in input.Heartbeats)
        {
            var slot = rule.SlotOf(beat);
            if (slot >= scanFrom && slot < scanTo)
            {
                beats.Add(slot.UtcTicks);
                inPeriod |= beat >= from && beat < until;
            }
        }

        if (!inPeriod)
        {
            return new AvailabilityFigures(Measurement.Empty(IndicatorUnit.Percent), [], HasHeartbeats: false);
        }

        var runs = new List<Outage>();
        DateTimeOffset? runStart = null;
        var missed = 0;
        void CloseRun(DateTimeOffset end)
        {
            if (runStart is { } start && missed >= rule.MissedProbesForOutage)
            {
                runs.Add(new Outage(start, end));
            }

            runStart = null;
            missed = 0;
        }

        var slotAt = scanFrom;
        for (; slotAt < scanTo; slotAt += rule.Period)
        {
            if (beats.Contains(slotAt.UtcTicks))
            {
                CloseRun(slotAt);
            }
            else
            {
                runStart ??= slotAt;
                missed++;
            }
        }

        CloseRun(slotAt);

        var planned = 0m;
        var unavailable = 0m;
        var outages = new List<Outage>();
        for (var day = month.FirstDay; ZonedMonth.StartOfDay(day, zone) < until; day = day.AddDays(1))
        {
            if (atypicalDays.Contains(day))
            {
                continue;
            }

            var dayPart = Clip(new Outage(ZonedMonth.StartOfDay(day, zone), ZonedMonth.StartOfDay(day.AddDays(1), zone)), from, until);
            if (dayPart is not { } part)
            {
                continue;
            }

            planned += (decimal)part.Duration.TotalSeconds;
            foreach (var run in runs)
            {
                if (Clip(run, part.Start, part.End) is { } down)
                {
                    unavailable += (decimal)down.Duration.TotalSeconds;
                    outages.Add(down);
                }
            }
        }

        var merged = Merge(outages);
        var evidence = merged.Select(o => $"{Format(o.Start, zone)}/{Format(o.End, zone)}").ToList();
        return new AvailabilityFigures(new Measurement(planned - unavailable, planned, IndicatorUnit.Percent, evidence, []), merged, HasHeartbeats: true);
    }

    private static Outage? Clip(Outage outage, DateTimeOffset from, DateTimeOffset until)
    {
        var start = outage.Start > from ? outage.Start : from;
        var end = outage.End < until ? outage.End : until;
        return start < end ? new Outage(start, end) : null;
    }

    /// <summary>Pieces of one outage on consecutive days join again (an outage across midnight is one interval).</summary>
    private static List<Outage> Merge(List<Outage> pieces)
    {
        var merged = new List<Outage>();
        foreach (var piece in pieces.OrderBy(p => p.Start))
        {
            if (merged.Count > 0 && merged[^1].End == piece.Start)
            {
                merged[^1] = merged[^1] with { End = piece.End };
            }
            else
            {
                merged.Add(piece);
            }
        }

        return merged;
    }

    private static string Format(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
