using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Tests.Indicators;

/// <summary>
/// Indicator 6 from the probe's heartbeats: one probe a minute, three missed minutes in a row make an outage.
/// March 2026 in São Paulo (UTC−3) runs from 01/03 00:00 (03:00 UTC) to 01/04 00:00; 31 days = 2,678,400 s.
/// </summary>
public class AvailabilityCalculatorTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly AssessmentMonth March = AssessmentMonth.Create(2026, 3);
    private static readonly AssessmentMonth February = AssessmentMonth.Create(2026, 2);
    private static readonly DateTimeOffset MarchStart = new(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(-3));
    private static readonly DateTimeOffset AprilStart = new(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(-3));
    private const decimal MarchSeconds = 31m * 86_400m;

    /// <summary>A heartbeat every minute from a day before <paramref name="from"/> to a day after <paramref name="to"/>, except the missed minutes.</summary>
    private static List<DateTimeOffset> Beats(DateTimeOffset from, DateTimeOffset to, params (DateTimeOffset Start, int Minutes)[] missed)
    {
        var beats = new List<DateTimeOffset>();
        for (var minute = from.AddDays(-1); minute < to.AddDays(1); minute = minute.AddMinutes(1))
        {
            if (!missed.Any(m => minute >= m.Start && minute < m.Start.AddMinutes(m.Minutes)))
            {
                beats.Add(minute.ToUniversalTime());
            }
        }

        return beats;
    }

    private static DateTimeOffset Sp(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(-3));

    private static AvailabilityFigures Measure(AssessmentMonth month, IReadOnlyCollection<DateTimeOffset> beats, DateTimeOffset until, params DateOnly[] atypical) =>
        AvailabilityCalculator.Measure(month, Zone, atypical.ToHashSet(), new AvailabilityInput(beats, until));

    [Theory]
    [InlineData(1, 0)]     // one missed probe: jitter
    [InlineData(2, 0)]     // just below the threshold
    [InlineData(3, 180)]   // exactly at the threshold: an outage of three minutes
    [InlineData(4, 240)]
    public void Consecutive_missed_probes_are_an_outage_from_the_threshold_on(int missedMinutes, int downSeconds)
    {
        var figures = Measure(March, Beats(MarchStart, AprilStart, (Sp(3, 10, 10, 0), missedMinutes)), AprilStart);

        Assert.True(figures.HasHeartbeats);
        Assert.Equal(MarchSeconds, figures.Measurement.Denominator);
        Assert.Equal(MarchSeconds - downSeconds, figures.Measurement.Numerator);
        Assert.Equal(downSeconds == 0 ? 0 : 1, figures.Outages.Count);
    }

    [Fact]
    public void The_evidence_is_the_outage_intervals_in_Sao_Paulo_time()
    {
        var figures = Measure(March, Beats(MarchStart, AprilStart, (Sp(3, 10, 10, 0), 3), (Sp(3, 20, 14, 30), 90)), AprilStart);

        Assert.Equal(["2026-03-10T10:00:00-03:00/2026-03-10T10:03:00-03:00", "2026-03-20T14:30:00-03:00/2026-03-20T16:00:00-03:00"], figures.Measurement.Evidence);
        Assert.Equal(MarchSeconds - 180m - 5_400m, figures.Measurement.Numerator);
    }

    [Fact]
    public void Isolated_misses_never_add_up_to_an_outage()
    {
        var misses = Enumerable.Range(0, 100).Select(i => (Sp(3, 2, 8, 0).AddMinutes(i * 3), 2)).ToArray(); // 2 missed, 1 beat, 100 times
        var figures = Measure(March, Beats(MarchStart, AprilStart, misses), AprilStart);

        Assert.Equal(100m, figures.Measurement.Value);
        Assert.Empty(figures.Outages);
    }

    [Fact]
    public void An_outage_across_midnight_into_an_atypical_day_counts_only_before_midnight_and_the_atypical_day_is_not_planned()
    {
        // 10/03 23:58 to 11/03 00:05: seven missed minutes; 11/03 is atypical (seed 003, 4.1).
        var figures = Measure(March, Beats(MarchStart, AprilStart, (Sp(3, 10, 23, 58), 7)), AprilStart, new DateOnly(2026, 3, 11));

        Assert.Equal(30m * 86_400m, figures.Measurement.Denominator);
        Assert.Equal(30m * 86_400m - 120m, figures.Measurement.Numerator);
        Assert.Equal(["2026-03-10T23:58:00-03:00/2026-03-11T00:00:00-03:00"], figures.Measurement.Evidence);
    }

    [Fact]
    public void An_outage_across_midnight_on_ordinary_days_is_one_interval()
    {
        var figures = Measure(March, Beats(MarchStart, AprilStart, (Sp(3, 10, 23, 58), 7)), AprilStart);

        Assert.Equal(["2026-03-10T23:58:00-03:00/2026-03-11T00:05:00-03:00"], figures.Measurement.Evidence);
        Assert.Equal(MarchSeconds - 420m, figures.Measurement.Numerator);
    }

    [Fact]
    public void Two_missed_minutes_each_side_of_the_month_end_are_one_outage_split_between_the_months()
    {
        // 28/02 23:58 to 01/03 00:02: four missed minutes, two in each month. Seen month by month they would be
        // two runs of two (below the threshold); the heartbeats beyond the month's edges show one outage.
        var beats = Beats(Sp(2, 1, 0, 0), AprilStart, (Sp(2, 28, 23, 58), 4));

        var march = Measure(March, beats, AprilStart);
        var february = Measure(February, beats, MarchStart);

        Assert.Equal(["2026-03-01T00:00:00-03:00/2026-03-01T00:02:00-03:00"], march.Measurement.Evidence);
        Assert.Equal(MarchSeconds - 120m, march.Measurement.Numerator);
        Assert.Equal(["2026-02-28T23:58:00-03:00/2026-03-01T00:00:00-03:00"], february.Measurement.Evidence);
        Assert.Equal(28m * 86_400m - 120m, february.Measurement.Numerator);
    }

    [Fact]
    public void Month_to_date_figures_plan_only_the_time_until_the_end_of_the_day()
    {
        var endOfTenth = Sp(3, 11, 0, 0);
        var beats = Beats(MarchStart, endOfTenth).Where(b => b < endOfTenth.AddMinutes(5)).ToList(); // the log as it stands at 00:05

        var figures = Measure(March, beats, endOfTenth);

        Assert.Equal(10m * 86_400m, figures.Measurement.Denominator);
        Assert.Equal(100m, figures.Measurement.Value);
    }

    [Fact]
    public void A_log_without_heartbeats_in_the_month_is_not_measured_rather_than_zero()
    {
        var figures = Measure(March, Beats(Sp(2, 1, 0, 0), Sp(2, 20, 0, 0)), AprilStart);

        Assert.False(figures.HasHeartbeats);
        Assert.Null(figures.Measurement.Value);
    }

    [Fact]
    public void The_assessment_measures_indicator_6_and_IDS_from_the_heartbeats_and_fines_below_the_target()
    {
        // 14 h 53 min down of 744 h: 98.0 % available, 1 p.p. below indicator 6's 99 % → 2 steps of 0.5 % → 1 %;
        // IDS (99.5 %): the low-impact band 97–99.4 → 1 %.
        var beats = Beats(MarchStart, AprilStart, (Sp(3, 16, 8, 0), 893));
        var a = MonthlyAssessor.Assess(DefaultAssessmentContract.Contract, new AssessmentInput(March, []) { Availability = new AvailabilityInput(beats, AprilStart), Invoice = Money.Brl(100_000m) });

        var six = a.Indicators.Single(r => r.Id == "6");
        Assert.Equal(98m, six.Value);
        Assert.False(six.Met);
        Assert.Equal(2m, six.PenaltyPercent); // 2 % unavailable: 4 steps of 0.5 % counted from 100 % (origin: ideal)
        Assert.Equal(["2026-03-16T08:00:00-03:00/2026-03-16T22:53:00-03:00"], six.Measurement.Evidence);
        Assert.Equal(98m, a.Indicators.Single(r => r.Id == "IDS").Value);
        Assert.Contains(a.Warnings, w => w.StartsWith("callCentre:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_heartbeats_win_over_the_call_centre_rows_unavailable_seconds_and_the_assessment_says_so()
    {
        var beats = Beats(MarchStart, AprilStart);
        var calls = new[] { new CallCentreInterval { Start = Sp(3, 2, 9, 0), Minutes = 30, Offered = 10, Answered = 10, AnsweredWithin20Seconds = 10, AnsweredWithin30Seconds = 10, UnavailableSeconds = 1_800m } };
        var a = MonthlyAssessor.Assess(DefaultAssessmentContract.Contract, new AssessmentInput(March, []) { CallIntervals = calls, Availability = new AvailabilityInput(beats, AprilStart) });

        Assert.Equal(100m, a.Indicators.Single(r => r.Id == "6").Value);
        Assert.Equal(100m, a.Indicators.Single(r => r.Id == "1").Value);
        Assert.Contains(a.Warnings, w => w.Contains("unavailableSeconds were not used", StringComparison.Ordinal));
        Assert.DoesNotContain(a.Warnings, w => w.StartsWith("callCentre:", StringComparison.Ordinal));
    }
}
