namespace Helpdesk.Cli;

/// <summary>A bad command line; the message names the argument.</summary>
public sealed class CliArgumentException(string message) : Exception(message);
