using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.FunctionApp.Invocation;

/// <summary>The Functions host's request for a non-HTTP invocation: <c>{"Data": {...}, "Metadata": {...}}</c>
/// (FUNCTIONS-HOST.md §3). Data has one entry per input binding, the trigger first.</summary>
public sealed class InvocationRequest
{
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement> Data { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>The handler's answer: outputs by binding name (case-sensitive), log lines, and the return value.</summary>
public sealed class InvocationResponse
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }
}
