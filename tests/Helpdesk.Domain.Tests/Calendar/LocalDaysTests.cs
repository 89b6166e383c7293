using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Tests.Calendar;

public class LocalDaysTests
{
    [Theory]
    [InlineData(2026)]
    [InlineData(2018)]   // São Paulo still had daylight saving time (Nov 4, 2018 – Feb 17, 2019)
    public void Agrees_with_the_time_zone_hour_by_hour_inside_and_outside_its_span(int year)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
        var days = new LocalDays(zone, new DateOnly(year, 3, 1), new DateOnly(year, 12, 31));
        for (var instant = new DateTimeOffset(year, 1, 1, 0, 30, 0, TimeSpan.Zero); instant.Year < year + 2; instant = instant.AddHours(1))
        {
            Assert.Equal(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime), days.DateOf(instant));
        }
    }
}
