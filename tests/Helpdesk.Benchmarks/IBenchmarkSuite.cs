namespace Helpdesk.Benchmarks;

/// <summary>One suite of the harness, selected by name on the command line.</summary>
public interface IBenchmarkSuite
{
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the suite and writes its figures; returns non-zero when a check fails.</summary>
    int Run(TextWriter output);
}
