using System.Text.Json;

namespace Helpdesk.FunctionApp.Invocation;

/// <summary>The payload was not what the trigger's protocol promises; the invocation fails (and is retried).</summary>
public sealed class InvalidInvocationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Decoding of the host's value serialization: Service Bus, queue and Cosmos DB payloads arrive as JSON strings
/// holding the JSON encoding of the original string (FUNCTIONS-HOST.md §3), so they are decoded once more here.
/// </summary>
public static class InvocationData
{
    public static JsonElement Required(this InvocationRequest request, string binding)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Data.TryGetValue(binding, out var value)
            ? value
            : throw new InvalidInvocationException($"The invocation has no Data.{binding}.");
    }

    /// <summary>The original string a trigger handed over (a message body, a documents array's text).</summary>
    public static string UnwrapString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            // Anything that serialized to a JSON object arrives as an object; its text is the payload.
            return value.GetRawText();
        }

        var text = value.GetString() ?? string.Empty;
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '"')
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? string.Empty;
            }
            catch (JsonException ex)
            {
                throw new InvalidInvocationException("A string payload was not valid JSON text.", ex);
            }
        }

        return text;
    }

    /// <summary>The message body of a Service Bus trigger parsed by <paramref name="parse"/>; a body it rejects
    /// (<see cref="JsonException"/>) fails the invocation as bad input, so that the queue retries and dead-letters it.</summary>
    public static T Body<T>(this InvocationRequest request, string binding, Func<string, T> parse, string what)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var body = UnwrapString(request.Required(binding));
        try
        {
            return parse(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"The message body is not {what}: " + ex.Message, ex);
        }
    }

    /// <summary>A Metadata value that the host serialized as a JSON string (e.g. <c>"\"a1b2\""</c>) or a number in a string.</summary>
    public static string? MetadataString(this InvocationRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Metadata.TryGetValue(name, out var value) ? UnwrapString(value) : null;
    }
}
