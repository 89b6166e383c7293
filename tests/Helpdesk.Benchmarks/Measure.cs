using System.Diagnostics;

namespace Helpdesk.Benchmarks;

/// <summary>
/// A small, honest timing loop: warm up (so the JIT reaches its final tier), then several timed rounds of a fixed
/// number of operations; the median round gives operations per second.
/// </summary>
public static class Measure
{
    public const int Rounds = 7;

    /// <param name="operation">One operation on input <c>i</c>; it returns a value that is folded into a checksum so it cannot be optimized away.</param>
    /// <param name="targetRoundMilliseconds">How long one round should last, roughly.</param>
    public static (double OpsPerSecond, long Checksum) OpsPerSecond(Func<int, long> operation, int inputCount, double targetRoundMilliseconds = 200)
    {
        ArgumentNullException.ThrowIfNull(operation);
        long checksum = 0;

        // Warm-up and calibration: find how many operations fill one round.
        var calibration = Stopwatch.StartNew();
        var calibrated = 0;
        while (calibration.Elapsed.TotalMilliseconds < 300 || calibrated < inputCount)
        {
            checksum += operation(calibrated % inputCount);
            calibrated++;
        }

        var perRound = Math.Max(1, (int)(calibrated / calibration.Elapsed.TotalMilliseconds * targetRoundMilliseconds));
        var rates = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perRound; i++)
            {
                checksum += operation(i % inputCount);
            }

            rates[r] = perRound / watch.Elapsed.TotalSeconds;
        }

        Array.Sort(rates);
        return (rates[Rounds / 2], checksum);
    }
}
