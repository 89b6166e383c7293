using static Helpdesk.Domain.Tests.Penalties.DefaultRules;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Indicators 2 and 3: the fine is chosen by the achieved value; bands are [lower, upper).</summary>
public class AchievedValueBandEdgeTests
{
    [Theory]
    [InlineData("2", 100.00, 0.0)]
    [InlineData("2", 95.00, 0.0)]
    [InlineData("2", 94.99, 2.0)]
    [InlineData("2", 70.00, 2.0)]
    [InlineData("2", 69.99, 4.0)]
    [InlineData("2", 55.00, 4.0)]
    [InlineData("2", 54.99, 6.0)]
    [InlineData("2", 30.00, 6.0)]
    [InlineData("2", 29.99, 8.0)]
    [InlineData("2", 5.00, 8.0)]
    [InlineData("2", 4.99, 10.0)]
    [InlineData("2", 0.00, 10.0)]
    [InlineData("3", 85.00, 0.0)]
    [InlineData("3", 84.99, 3.0)]
    [InlineData("3", 75.00, 3.0)]
    [InlineData("3", 74.99, 5.0)]
    [InlineData("3", 65.00, 5.0)]
    [InlineData("3", 64.99, 7.0)]
    [InlineData("3", 55.00, 7.0)]
    [InlineData("3", 54.99, 9.0)]
    [InlineData("3", 45.00, 9.0)]
    [InlineData("3", 44.99, 12.0)]
    [InlineData("3", 0.00, 12.0)]
    public void Picks_the_band_of_the_achieved_value(string id, double value, double expected)
    {
        Assert.Equal((decimal)expected, PenaltyFor(id, (decimal)value).Rate.Value);
    }
}
