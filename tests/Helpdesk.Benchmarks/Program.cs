using System.Runtime.InteropServices;
using Helpdesk.Benchmarks;
using Helpdesk.Benchmarks.Assessment;
using Helpdesk.Benchmarks.Audit;
using Helpdesk.Benchmarks.Calendar;
using Helpdesk.Benchmarks.Cosmos;
using Helpdesk.Benchmarks.Intake;
using Helpdesk.Benchmarks.Sweep;

IBenchmarkSuite[] suites = [new CalendarSuite(), new IntakeLatencySuite(), new ApiThroughputSuite(), new AssessmentSuite(), new SweepQuerySuite(), new OfflineAuditSuite(), new CosmosSuite(), new Helpdesk.Benchmarks.ColdStart.ColdStartSuite()];

var selected = args.Length == 0 ? null : suites.FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.Ordinal));
if (selected is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Helpdesk.Benchmarks -- <suite>");
    foreach (var suite in suites)
    {
        Console.Error.WriteLine($"  {suite.Name,-10} {suite.Description}");
    }

    return 2;
}

#if DEBUG
Console.WriteLine("WARNING: Debug build; figures are meaningless. Use -c Release.");
#endif
Console.WriteLine($"machine: {Environment.MachineName}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, " +
                  $"{Environment.ProcessorCount} logical cores, .NET {Environment.Version}; one thread");
Console.WriteLine($"date (UTC): {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
return selected.Run(Console.Out);
