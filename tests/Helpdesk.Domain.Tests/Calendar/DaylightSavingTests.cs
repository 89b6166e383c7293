using static Helpdesk.Domain.Tests.Calendar.TestCalendars;

namespace Helpdesk.Domain.Tests.Calendar;

/// <summary>
/// Brazil had daylight saving until February 2019; clocks moved at midnight. Business hours are local wall time, so
/// their UTC instants shift with the offset, and wall-clock hours count real elapsed time.
/// </summary>
public class DaylightSavingTests
{
    [Fact]
    public void Business_hours_follow_the_summer_offset()
    {
        // Thu 1 Nov 2018 17:00 (-03) == 18:00 | Fri 2 Finados | Sat | Sun 4 Nov: 00:00 -> 01:00 (-02) | Mon 5 08:00 (-02) == 09:00
        var due = Default.AddBusinessTime(At("2018-11-01T17:00:00-03:00"), TimeSpan.FromHours(2));

        Assert.Equal(At("2018-11-05T09:00:00-02:00"), due);
        Assert.Equal(TimeSpan.FromHours(-2), due.Offset);
    }

    [Fact]
    public void Wall_clock_hours_count_real_time_across_the_jump()
    {
        // Sat 3 Nov 2018 12:00 (-03) + 24 real hours = Sun 4 Nov 13:00 local (-02): the day had only 23 hours
        var due = Default.Deadline(At("2018-11-03T12:00:00-03:00"), Domain.Calendar.BusinessDuration.Hours(TimeSpan.FromHours(24)));

        Assert.Equal("2018-11-04T13:00:00-02:00", due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_skipped_midnight_starts_the_day_at_one()
    {
        Assert.Equal(At("2018-11-04T01:00:00-02:00"), Default.StartOf(new DateOnly(2018, 11, 4)));
        Assert.Equal(TimeSpan.FromHours(23), Default.StartOf(new DateOnly(2018, 11, 5)) - Default.StartOf(new DateOnly(2018, 11, 4)));
    }

    [Fact]
    public void The_repeated_hour_makes_a_25_hour_day()
    {
        // Sun 18 Feb 2018 00:00 (-02) became Sat 17 Feb 23:00 (-03): Saturday lasted 25 hours
        Assert.Equal(TimeSpan.FromHours(25), Default.StartOf(new DateOnly(2018, 2, 18)) - Default.StartOf(new DateOnly(2018, 2, 17)));
        Assert.Equal(new DateOnly(2018, 2, 17), Default.LocalDate(At("2018-02-18T01:30:00+00:00")));
    }
}
