using System.Text.Json;

namespace Helpdesk.Application.Finance;

/// <summary>A bad input file; the message names the file, the line and the field.</summary>
public sealed class InputFormatException(string message) : Exception(message)
{
    /// <summary>"<paramref name="where"/>: field.path: what the JSON reader said" (the path without <c>$.</c>).</summary>
    public static InputFormatException FromJson(string where, JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var field = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path.TrimStart('$').TrimStart('.');
        return new InputFormatException($"{where}: {field}: {exception.Message.Split(" Path:", 2)[0]}");
    }
}
