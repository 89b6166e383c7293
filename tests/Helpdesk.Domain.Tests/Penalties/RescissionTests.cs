using Helpdesk.Domain.Indicators;
using Helpdesk.Domain.Penalties;

namespace Helpdesk.Domain.Tests.Penalties;

/// <summary>Seed 003 4.2: 3 high, 5 medium or 7 low impact fines in 12 consecutive months; warn one fine before.</summary>
public class RescissionTests
{
    private static readonly AssessmentMonth Now = AssessmentMonth.Create(2026, 12);

    private static MonthOutcome Fines(int monthsBack, params Impact[] fines) => new(Now.AddMonths(-monthsBack), Money.Zero, new HashSet<string>(), fines);

    [Theory]
    [InlineData(Impact.High, 1, false, false)]
    [InlineData(Impact.High, 2, true, false)]
    [InlineData(Impact.High, 3, false, true)]
    [InlineData(Impact.Medium, 3, false, false)]
    [InlineData(Impact.Medium, 4, true, false)]
    [InlineData(Impact.Medium, 5, false, true)]
    [InlineData(Impact.Low, 5, false, false)]
    [InlineData(Impact.Low, 6, true, false)]
    [InlineData(Impact.Low, 7, false, true)]
    public void Warns_one_fine_before_the_threshold(Impact impact, int count, bool near, bool reached)
    {
        var history = Enumerable.Range(1, count - 1).Select(k => Fines(k, impact)).ToList();
        var status = RescissionStatus.Evaluate(RescissionRule.Default, history, Fines(0, impact));
        Assert.Equal(near, status.Near);
        Assert.Equal(reached, status.Reached);
        Assert.Equal(near || reached, status.Warning is not null);
    }

    [Fact]
    public void Fines_older_than_twelve_months_are_not_counted()
    {
        var status = RescissionStatus.Evaluate(RescissionRule.Default, [Fines(12, Impact.High), Fines(11, Impact.High)], Fines(0, Impact.High));
        Assert.Equal(2, status.High);
        Assert.False(status.Reached);
    }
}
