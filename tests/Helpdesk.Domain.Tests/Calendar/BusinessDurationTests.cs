using Helpdesk.Domain.Calendar;

namespace Helpdesk.Domain.Tests.Calendar;

public class BusinessDurationTests
{
    [Theory]
    [InlineData("5 business days", DurationUnit.BusinessDays, 5.0)]
    [InlineData("1 business day", DurationUnit.BusinessDays, 1.0)]
    [InlineData("8 business hours", DurationUnit.BusinessHours, 8.0)]
    [InlineData("1.5 Business Hours", DurationUnit.BusinessHours, 1.5)]
    [InlineData("24 hours", DurationUnit.Hours, 24.0)]
    public void Parses_the_three_units(string text, DurationUnit unit, double amount)
    {
        Assert.True(BusinessDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(unit, duration.Unit);
        Assert.Equal(amount, duration.Amount);
    }

    [Theory]
    [InlineData("", "not a duration")]
    [InlineData("5 days", "unknown unit")]
    [InlineData("1.5 business days", "whole")]
    [InlineData("-3 hours", "non-negative")]
    [InlineData("0.0001 hours", "whole number of seconds")]
    public void Rejects_bad_text_with_a_reason(string text, string reason)
    {
        Assert.False(BusinessDuration.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5 business days")]
    [InlineData("1.5 business hours")]
    [InlineData("48 hours")]
    public void Round_trips_through_text(string text)
    {
        Assert.True(BusinessDuration.TryParse(text, out var duration, out _));
        Assert.Equal(text, duration.ToString());
    }
}
