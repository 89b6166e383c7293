namespace Helpdesk.Domain.Penalties;

/// <summary>Applies <see cref="AggravationRules"/> to the current month given the months before it.</summary>
public static class AggravationCalculator
{
    /// <param name="history">Earlier months, any order; gaps break a run.</param>
    /// <param name="current">The month being assessed.</param>
    public static IReadOnlyList<Aggravation> Compute(AggravationRules rules, IReadOnlyList<MonthOutcome> history, MonthOutcome current)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(current);
        var byMonth = history.Where(h => h.Month < current.Month).ToDictionary(h => h.Month);
        byMonth[current.Month] = current;
        var chain = new List<MonthOutcome>();
        for (var m = current.Month; byMonth.TryGetValue(m, out var outcome); m = m.AddMonths(-1))
        {
            chain.Add(outcome); // chain[0] = current month, then backwards without gaps
        }

        var (run, indicators) = RunLength(rules.Scope, chain);
        var result = new List<Aggravation>();
        if (Applies(rules.Windows, run, rules.ConsecutiveMonths))
        {
            var months = chain.Take(rules.ConsecutiveMonths).ToList();
            var average = Money.Brl(months.Average(m => m.Invoice.Amount));
            result.Add(new Aggravation("4.12", rules.ConsecutiveMonths, average, rules.ConsecutiveRate, rules.ConsecutiveRate.Of(average), indicators));
        }

        if (Applies(rules.Windows, run, rules.SemesterMonths))
        {
            var sum = Money.Brl(chain.Take(rules.SemesterMonths).Sum(m => m.Invoice.Amount));
            result.Add(new Aggravation("4.13", rules.SemesterMonths, sum, rules.SemesterRate, rules.SemesterRate.Of(sum), indicators));
        }

        return result;
    }

    private static bool Applies(AggravationWindows windows, int run, int length) =>
        length > 0 && run >= length && (windows == AggravationWindows.Sliding || run % length == 0);

    /// <summary>The longest run of consecutive missed months ending now, and the indicators that make it.</summary>
    private static (int Run, IReadOnlyList<string> Indicators) RunLength(AggravationScope scope, List<MonthOutcome> chain)
    {
        if (chain.Count == 0 || chain[0].MissedIndicators.Count == 0)
        {
            return (0, []);
        }

        if (scope == AggravationScope.AnyIndicator)
        {
            var run = chain.TakeWhile(m => m.MissedIndicators.Count > 0).Count();
            return (run, chain[0].MissedIndicators.Order(StringComparer.Ordinal).ToList());
        }

        var best = 0;
        var bestIds = new List<string>();
        foreach (var id in chain[0].MissedIndicators)
        {
            var run = chain.TakeWhile(m => m.MissedIndicators.Contains(id)).Count();
            if (run > best)
            {
                best = run;
                bestIds = [id];
            }
            else if (run == best)
            {
                bestIds.Add(id);
            }
        }

        bestIds.Sort(StringComparer.Ordinal);
        return (best, bestIds);
    }
}
