using Helpdesk.Application.Ports;

namespace Helpdesk.Infrastructure.Tests.Finance;

/// <summary>The behaviour every <see cref="IDailyIndicatorStore"/> adapter must have (SQLite, Cosmos DB): a day's
/// figures are replaced as a whole, a range spans months, and the figures come back exactly as stored, by day then
/// indicator.</summary>
public abstract class DailyIndicatorStoreContract
{
    private static readonly TimeSpan Brt = TimeSpan.FromHours(-3);

    protected abstract IDailyIndicatorStore Store { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Storing_a_days_figures_twice_keeps_one_set_and_new_figures_replace_the_old()
    {
        var day = new DateOnly(2026, 11, 10);
        DailyIndicator[] figures = [new(day, "2", "Prazos", 3m, 4m, 75m, 95m, false), new(day, "4", "Registro", 4m, 4m, 100m, 95m, true)];

        await Store.SaveAsync(day, figures, At(11, 11, 0), Ct);
        await Store.SaveAsync(day, figures, At(11, 11, 0), Ct);
        Assert.Equal(figures, await Store.ListAsync(day, day, Ct));

        DailyIndicator[] corrected = [new(day, "2", "Prazos", 4m, 4m, 100m, 95m, true)];
        await Store.SaveAsync(day, corrected, At(11, 11, 1), Ct);
        Assert.Equal(corrected, await Store.ListAsync(day.AddDays(-1), day.AddDays(1), Ct));
    }

    [Fact]
    public async Task A_range_across_months_lists_its_days_in_order_and_indicators_in_ordinal_order()
    {
        var october = new DateOnly(2026, 10, 31);
        var november = new DateOnly(2026, 11, 1);
        var december = new DateOnly(2026, 12, 1);
        await Store.SaveAsync(november, [new(november, "SCM3", "Reabertura", 1m, 10m, 10m, 5m, false), new(november, "2", "Prazos", 1m, 1m, 100m, 95m, true), new(november, "10", "Outro", 0m, 0m, null, null, null)], At(11, 2, 0), Ct);
        await Store.SaveAsync(october, [new(october, "2", "Prazos", 9m, 10m, 90m, 95m, false)], At(11, 1, 0), Ct);
        await Store.SaveAsync(december, [new(december, "2", "Prazos", 1m, 1m, 100m, 95m, true)], At(12, 2, 0), Ct);

        var listed = await Store.ListAsync(october, november, Ct);

        Assert.Equal([(october, "2"), (november, "10"), (november, "2"), (november, "SCM3")], listed.Select(f => (f.Day, f.IndicatorId)));
        Assert.Empty(await Store.ListAsync(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 30), Ct));
        Assert.Equal([december], (await Store.ListAsync(december, new DateOnly(2027, 1, 31), Ct)).Select(f => f.Day));
    }

    [Fact]
    public async Task Figures_come_back_exactly_with_their_missing_values()
    {
        var day = new DateOnly(2026, 11, 3);
        var third = 1m / 3m;
        DailyIndicator[] figures = [new(day, "3", "Satisfação", 1m, 3m, third * 100m, 80m, false), new(day, "6", "Disponibilidade", 0m, 0m, null, 99.5m, null)];

        await Store.SaveAsync(day, figures, At(11, 4, 0), Ct);
        var listed = await Store.ListAsync(day, day, Ct);

        Assert.Equal(figures, listed);
        Assert.Equal((third * 100m).ToString(System.Globalization.CultureInfo.InvariantCulture), listed[0].Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(listed[1].Value);
        Assert.Null(listed[1].Met);
    }

    [Fact]
    public async Task Saving_no_figures_empties_the_day()
    {
        var day = new DateOnly(2026, 11, 5);
        await Store.SaveAsync(day, [new(day, "2", "Prazos", 1m, 1m, 100m, 95m, true)], At(11, 6, 0), Ct);

        await Store.SaveAsync(day, [], At(11, 6, 1), Ct);

        Assert.Empty(await Store.ListAsync(day, day, Ct));
    }

    private static DateTimeOffset At(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, Brt);
}
