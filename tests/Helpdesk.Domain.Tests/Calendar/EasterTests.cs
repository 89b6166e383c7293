using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Tests.Calendar;

public class EasterTests
{
    [Theory]
    [InlineData(1990, "1990-04-15")]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Matches_published_Easter_Sundays(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Easter.Sunday(year));
    }

    [Fact]
    public void Is_always_a_Sunday_between_March_22_and_April_25()
    {
        for (var year = 1990; year <= 2200; year++)
        {
            var easter = Easter.Sunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }
}
