using System.Globalization;
using Helpdesk.Domain.Calendar;
using Helpdesk.Domain.Contracts;

namespace Helpdesk.Benchmarks.Calendar;

/// <summary>
/// Deadline and elapsed computations of the precomputed <see cref="BusinessCalendar"/> against the naive day-by-day walk,
/// over the same inputs (the built-in contract's calendar, 4,096 instants spread over 2025-2027, fixed seed).
/// </summary>
public sealed class CalendarSuite : IBenchmarkSuite
{
    private const int Inputs = 4096;
    private const double MinimumOpsPerSecond = 1_000_000;
    private const double MinimumSpeedup = 20;

    public string Name => "calendar";

    public string Description => "business calendar: deadline and elapsed, precomputed vs naive day-by-day walk";

    public int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var contract = DefaultContract.Definition;
        var build = System.Diagnostics.Stopwatch.StartNew();
        var fast = contract.BuildCalendar();
        build.Stop();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"calendar build (built-in contract, {fast.FirstDay:yyyy}-{fast.LastDay:yyyy}, first call, JIT included): {build.Elapsed.TotalMilliseconds:N0} ms"));
        var naive = new NaiveCalendarWalk(contract.Calendar, contract.TimeZone, contract.ClockSettings.BusinessDayDeadline, contract.ClockSettings.BusinessDayCountStart);
        var random = new Random(20260101);
        var origin = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(-3));
        var starts = new DateTimeOffset[Inputs];
        var ends = new DateTimeOffset[Inputs];
        for (var i = 0; i < Inputs; i++)
        {
            starts[i] = origin.AddMinutes(random.Next(0, 3 * 365 * 24 * 60));
            ends[i] = starts[i].AddMinutes(random.Next(0, 45 * 24 * 60));
        }

        var cases = new (string Name, Func<int, DateTimeOffset> Fast, Func<int, DateTimeOffset> Naive, bool Gated)[]
        {
            ("deadline 5 business days", i => fast.AddBusinessDays(starts[i], 5), i => naive.AddBusinessDays(starts[i], 5), false),
            ("deadline 20 business days", i => fast.AddBusinessDays(starts[i], 20), i => naive.AddBusinessDays(starts[i], 20), true),
            ("deadline 60 business days", i => fast.AddBusinessDays(starts[i], 60), i => naive.AddBusinessDays(starts[i], 60), true),
            ("deadline 8 business hours", i => fast.AddBusinessTime(starts[i], TimeSpan.FromHours(8)), i => naive.AddBusinessTime(starts[i], TimeSpan.FromHours(8)), false),
            ("deadline 200 business hours (20 days)", i => fast.AddBusinessTime(starts[i], TimeSpan.FromHours(200)), i => naive.AddBusinessTime(starts[i], TimeSpan.FromHours(200)), true),
        };
        var elapsedCases = new (string Name, Func<int, long> Fast, Func<int, long> Naive)[]
        {
            ("elapsed business hours (spans 0-45 days)", i => fast.BusinessTimeBetween(starts[i], ends[i]).Ticks, i => naive.BusinessTimeBetween(starts[i], ends[i]).Ticks),
            ("elapsed business days (spans 0-45 days)", i => fast.BusinessDaysBetween(starts[i], ends[i]), i => naive.BusinessDaysBetween(starts[i], ends[i])),
        };

        var failed = false;
        output.WriteLine();
        output.WriteLine($"| computation | precomputed (ops/s) | naive walk (ops/s) | speed-up | agree |");
        output.WriteLine($"|---|---:|---:|---:|---|");
        foreach (var (name, fastOp, naiveOp, gated) in cases)
        {
            var agree = Enumerable.Range(0, Inputs).All(i => fastOp(i) == naiveOp(i) && fastOp(i).Offset == naiveOp(i).Offset);
            failed |= Report(output, name, i => fastOp(i).UtcTicks, i => naiveOp(i).UtcTicks, agree, gated);
        }

        foreach (var (name, fastOp, naiveOp) in elapsedCases)
        {
            var agree = Enumerable.Range(0, Inputs).All(i => fastOp(i) == naiveOp(i));
            failed |= Report(output, name, fastOp, naiveOp, agree, gated: false);
        }

        output.WriteLine();
        output.WriteLine(failed
            ? "RESULT: FAILED (a target was missed or the two implementations disagree; see above)"
            : $"RESULT: ok (every deadline >= {MinimumOpsPerSecond:N0}/s; >= {MinimumSpeedup}x the naive walk for deadlines of 20+ business days)");
        return failed ? 1 : 0;
    }

    private static bool Report(TextWriter output, string name, Func<int, long> fast, Func<int, long> naive, bool agree, bool gated)
    {
        var (fastRate, _) = Measure.OpsPerSecond(fast, Inputs);
        var (naiveRate, _) = Measure.OpsPerSecond(naive, Inputs);
        var speedup = fastRate / naiveRate;
        var missed = fastRate < MinimumOpsPerSecond || (gated && speedup < MinimumSpeedup) || !agree;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {fastRate:N0} | {naiveRate:N0} | {speedup:N1}x | {(agree ? "yes" : "NO")} |{(missed ? " MISSED" : string.Empty)}"));
        return missed;
    }
}
