using Helpdesk.Domain.Contracts;
using Helpdesk.Domain.Indicators;

namespace Helpdesk.Domain.Tests.Contracts;

/// <summary>
/// The contract's clock answers local dates, months and protocol years in the contract's zone, not São Paulo's.
/// Timeline around the turn of March 2026 (UTC):
///   03:00Z 01/04 ── São Paulo midnight (April starts there) ── 04:00Z 01/04 ── Manaus midnight (April starts there)
/// </summary>
public class ContractClockTests
{
    private static readonly ContractClock SaoPaulo = DefaultContract.Definition.Clock;
    private static readonly ContractClock Manaus = ManausContract.Definition.Clock;

    [Fact]
    public void The_zone_is_the_one_the_contract_names()
    {
        Assert.Equal("America/Manaus", ManausContract.Definition.Calendar.TimeZoneId);
        Assert.Same(ManausContract.Definition.TimeZone, Manaus.Zone);
    }

    [Theory]
    // 03:30Z 01/04: 00:30 on 01/04 in São Paulo, 23:30 on 31/03 in Manaus
    [InlineData("2026-04-01T03:30:00Z", "2026-04-01", "2026-03-31")]
    // 03:59Z: still March in Manaus; 04:00Z: April in both
    [InlineData("2026-04-01T03:59:59Z", "2026-04-01", "2026-03-31")]
    [InlineData("2026-04-01T04:00:00Z", "2026-04-01", "2026-04-01")]
    public void Local_dates_follow_the_contracts_zone(string instant, string inSaoPaulo, string inManaus)
    {
        var at = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(inSaoPaulo, System.Globalization.CultureInfo.InvariantCulture), SaoPaulo.LocalDate(at));
        Assert.Equal(DateOnly.Parse(inManaus, System.Globalization.CultureInfo.InvariantCulture), Manaus.LocalDate(at));
        Assert.Equal(AssessmentMonth.Of(Manaus.LocalDate(at)), Manaus.MonthOf(at));
    }

    [Fact]
    public void A_month_in_Manaus_runs_from_Manaus_midnight_to_Manaus_midnight()
    {
        var march = Manaus.Month(AssessmentMonth.Create(2026, 3));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 4, 0, 0, TimeSpan.Zero), march.Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 4, 0, 0, TimeSpan.Zero), march.End);
        Assert.Equal(TimeSpan.FromHours(-4), march.End.Offset);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 3, 0, 0, TimeSpan.Zero), SaoPaulo.Month(AssessmentMonth.Create(2026, 3)).End);
    }

    [Fact]
    public void The_protocol_year_turns_at_the_contracts_midnight()
    {
        // 03:30Z on 01/01/2027 is already 2027 in São Paulo and still 2026 in Manaus.
        var at = new DateTimeOffset(2027, 1, 1, 3, 30, 0, TimeSpan.Zero);

        Assert.Equal(2027, SaoPaulo.ProtocolYear(at));
        Assert.Equal(2026, Manaus.ProtocolYear(at));
        Assert.Equal(2027, Manaus.ProtocolYear(at.AddMinutes(30)));
    }
}
