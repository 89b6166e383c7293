using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Tests.Calendar;

public class BrazilianHolidaysTests
{
    [Fact]
    public void Lists_the_ten_national_holidays_of_2026_in_date_order()
    {
        var dates = BrazilianHolidays.National(2026).Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["01-01", "04-03", "04-21", "05-01", "09-07", "10-12", "11-02", "11-15", "11-20", "12-25"], dates);
    }

    [Fact]
    public void Nov_20_is_national_only_from_2024()
    {
        Assert.Null(BrazilianHolidays.NationalOn(new DateOnly(2023, 11, 20)));
        Assert.Equal("Dia Nacional de Zumbi e da Consciência Negra", BrazilianHolidays.NationalOn(new DateOnly(2024, 11, 20))?.Name);
    }

    [Fact]
    public void Good_Friday_is_two_days_before_Easter()
    {
        Assert.Equal("Sexta-feira da Paixão", BrazilianHolidays.NationalOn(new DateOnly(2026, 4, 3))?.Name);
        Assert.Null(BrazilianHolidays.NationalOn(new DateOnly(2026, 4, 2)));
    }

    [Theory]
    [InlineData(OptionalDay.CarnivalMonday, 2026, "2026-02-16")]
    [InlineData(OptionalDay.CarnivalTuesday, 2026, "2026-02-17")]
    [InlineData(OptionalDay.CorpusChristi, 2026, "2026-06-04")]
    [InlineData(OptionalDay.CarnivalTuesday, 2025, "2025-03-04")]
    public void Optional_days_follow_Easter(OptionalDay day, int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BrazilianHolidays.DateOf(day, year));
    }

    [Fact]
    public void Single_day_lookup_agrees_with_the_yearly_list()
    {
        for (var year = 1990; year <= 2100; year++)
        {
            var listed = BrazilianHolidays.National(year).Select(h => h.Date).ToHashSet();
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
            {
                Assert.Equal(listed.Contains(date), BrazilianHolidays.NationalOn(date) is not null);
            }
        }
    }

    [Fact]
    public void A_contract_observes_only_the_optional_days_it_chose()
    {
        var carnival = new DateOnly(2026, 2, 16);
        Assert.NotEmpty(CalendarDefinition.NationalMondayToFriday.HoursOn(carnival));
        Assert.Empty(TestCalendars.SplitDefinition.HoursOn(carnival));
        Assert.Equal(HolidayKind.OptionalDay, TestCalendars.SplitDefinition.HolidayOn(carnival)?.Kind);
    }
}
