namespace Helpdesk.Application.Finance;

/// <summary>A bad input file; the message names the file, the line and the field.</summary>
public sealed class InputFormatException(string message) : Exception(message);
