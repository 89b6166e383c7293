using Helpdesk.Benchmarks;

// Named suites; each prints its figures as Markdown so that they can be pasted into docs/performance.md.
var suites = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["assessment"] = AssessmentSuite.RunAsync,
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: Helpdesk.Benchmarks <suite> [options]; suites: {string.Join(", ", suites.Keys)}");
    return 2;
}

return await suite(args[1..]);
