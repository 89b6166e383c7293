namespace Helpdesk.Cli;

/// <summary>One verb of the <c>helpdesk</c> tool.</summary>
public interface IVerb
{
    string Name { get; }

    string Summary { get; }

    string Usage { get; }

    Task<int> RunAsync(CliArguments args, TextWriter stdout, TextWriter stderr);
}
