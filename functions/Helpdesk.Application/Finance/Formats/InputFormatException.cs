using System.Text.Json;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>A bad input file; the message names the file, the line and the field. <see cref="Line"/> (1-based) and
/// <see cref="Column"/> say where, when the error is about one cell or one line; <see cref="Detail"/> is the message
/// without the file and line prefix.</summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string message)
        : base(message)
    {
        Detail = message;
    }

    public InputFormatException(string file, int line, string? column, string detail)
        : base(column is null ? $"{file}:{line}: {detail}" : $"{file}:{line}: {column}: {detail}")
    {
        Line = line;
        Column = column;
        Detail = detail;
    }

    public InputFormatException()
        : this("bad input")
    {
    }

    public InputFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public int? Line { get; }

    public string? Column { get; }

    public string Detail { get; }

    /// <summary>"<paramref name="where"/>: field.path: what the JSON reader said" (the path without <c>$.</c>).</summary>
    public static InputFormatException FromJson(string where, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path.TrimStart('$').TrimStart('.');
        return new InputFormatException($"{where}: {field}: {exception.Message.Split(" Path:", 2)[0]}");
    }
}
