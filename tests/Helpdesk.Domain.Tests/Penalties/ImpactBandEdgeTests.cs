using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;
using static Helpdesk.Domain.Tests.Penalties.DefaultRules;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Seed 003 4.5–4.6: low 1 %, medium 3 %, high 5 % of the month's invoice (or the channel's value).</summary>
public class ImpactBandEdgeTests
{
    [Theory]
    [InlineData("NS", 85.00, Impact.None)]
    [InlineData("NS", 84.99, Impact.Low)]
    [InlineData("NS", 75.00, Impact.Low)]
    [InlineData("NS", 74.99, Impact.Medium)]
    [InlineData("NS", 65.00, Impact.Medium)]
    [InlineData("NS", 64.99, Impact.High)]
    [InlineData("TME", 20, Impact.None)]
    [InlineData("TME", 21, Impact.Low)]
    [InlineData("TME", 23, Impact.Low)]
    [InlineData("TME", 24, Impact.Medium)]
    [InlineData("TME", 26, Impact.Medium)]
    [InlineData("TME", 27, Impact.High)]
    [InlineData("IDS", 99.50, Impact.None)]
    [InlineData("IDS", 99.45, Impact.Low)]   // between the target and "99,4 %": a gap, milder neighbour
    [InlineData("IDS", 99.40, Impact.Low)]
    [InlineData("IDS", 97.00, Impact.Low)]
    [InlineData("IDS", 96.99, Impact.Medium)]
    [InlineData("IDS", 95.00, Impact.Medium)]
    [InlineData("IDS", 94.99, Impact.High)]
    [InlineData("TMA", 300, Impact.None)]
    [InlineData("TMA", 301, Impact.Low)]
    [InlineData("TMA", 320, Impact.Low)]
    [InlineData("TMA", 321, Impact.Medium)]
    [InlineData("TMA", 340, Impact.Medium)]
    [InlineData("TMA", 341, Impact.High)]
    [InlineData("IRbot", 60.00, Impact.None)]
    [InlineData("IRbot", 59.99, Impact.Low)]
    [InlineData("IRbot", 55.00, Impact.Low)]
    [InlineData("IRbot", 54.99, Impact.Medium)]
    [InlineData("IRbot", 51.00, Impact.Medium)]
    [InlineData("IRbot", 50.99, Impact.High)]
    [InlineData("IRchat", 70.00, Impact.None)]
    [InlineData("IRchat", 69.99, Impact.Low)]
    [InlineData("IRchat", 65.00, Impact.Low)]
    [InlineData("IRchat", 64.99, Impact.Medium)]
    [InlineData("IRchat", 61.00, Impact.Medium)]
    [InlineData("IRchat", 60.99, Impact.High)]
    [InlineData("TMAchat", 599, Impact.None)]
    [InlineData("TMAchat", 600, Impact.Low)]     // 4.7: "inferior a 600s" (lessThan, the default); in no band, the milder neighbour
    [InlineData("TMAchat", 601, Impact.Low)]
    [InlineData("TMAchat", 720, Impact.Low)]
    [InlineData("TMAchat", 721, Impact.Medium)]
    [InlineData("TMAchat", 840, Impact.Medium)]
    [InlineData("TMAchat", 841, Impact.High)]
    [InlineData("IRURA", 20.00, Impact.None)]
    [InlineData("IRURA", 19.99, Impact.Low)]
    [InlineData("IRURA", 17.00, Impact.Low)]
    [InlineData("IRURA", 16.99, Impact.Medium)]
    [InlineData("IRURA", 13.00, Impact.Medium)]
    [InlineData("IRURA", 12.99, Impact.High)]
    public void Places_the_value_in_its_impact_band(string id, double value, Impact expected)
    {
        var penalty = PenaltyFor(id, (decimal)value);
        Assert.Equal(expected, penalty.Impact);
        var rate = expected switch { Impact.Low => 1m, Impact.Medium => 3m, Impact.High => 5m, _ => 0m };
        Assert.Equal(rate, penalty.Rate.Value);
    }

    // ISC in the annex: low "84,99 % a 82 %", medium "82,99 % a 80 %": 82–82.99 is in both.
    private static readonly BandTable Isc = new(
    [
        ValueBand.Create(82m, true, 84.99m, true, Percent.Of(1m), Impact.Low),
        ValueBand.Create(80m, true, 82.99m, true, Percent.Of(3m), Impact.Medium),
        ValueBand.Create(null, false, 80m, false, Percent.Of(5m), Impact.High),
    ]);

    // IACVB in the annex: medium "64,99 % a 61 %", high "< 51 %": 51–61 is in neither.
    private static readonly BandTable Iacvb = new(
    [
        ValueBand.Create(65m, true, 69.99m, true, Percent.Of(1m), Impact.Low),
        ValueBand.Create(61m, true, 64.99m, true, Percent.Of(3m), Impact.Medium),
        ValueBand.Create(null, false, 51m, false, Percent.Of(5m), Impact.High),
    ]);

    [Theory]
    [InlineData(82.99, BandResolution.MilderBand, Impact.Low)]
    [InlineData(82.00, BandResolution.MilderBand, Impact.Low)]
    [InlineData(82.00, BandResolution.HarsherBand, Impact.Medium)]
    [InlineData(81.99, BandResolution.MilderBand, Impact.Medium)]
    [InlineData(83.00, BandResolution.HarsherBand, Impact.Low)]
    public void Overlapping_isc_bands_follow_the_overlap_setting(double value, BandResolution resolution, Impact expected)
    {
        Assert.Equal(expected, Isc.Place((decimal)value, resolution, BandResolution.MilderBand).Impact);
    }

    [Theory]
    [InlineData(60.99, BandResolution.MilderBand, Impact.Medium)]
    [InlineData(55.00, BandResolution.MilderBand, Impact.Medium)]
    [InlineData(51.00, BandResolution.MilderBand, Impact.Medium)]
    [InlineData(55.00, BandResolution.HarsherBand, Impact.High)]
    [InlineData(50.99, BandResolution.MilderBand, Impact.High)]
    public void Iacvb_gap_follows_the_gap_setting(double value, BandResolution resolution, Impact expected)
    {
        Assert.Equal(expected, Iacvb.Place((decimal)value, BandResolution.MilderBand, resolution).Impact);
    }

    [Theory]
    [InlineData(20.49, 20)]
    [InlineData(20.50, 21)]   // mean times are compared in whole seconds by default
    [InlineData(26.49, 26)]
    public void Mean_times_are_rounded_to_whole_seconds_before_comparing(double raw, int rounded)
    {
        Assert.Equal(rounded, PenaltyCalculator.Round((decimal)raw, IndicatorUnit.Seconds, InterpretationOptions.Default));
    }
}
