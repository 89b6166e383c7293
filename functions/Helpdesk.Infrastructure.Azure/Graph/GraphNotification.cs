using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Infrastructure.Azure.Graph;

/// <summary>One entry of a Graph change or lifecycle notification (<c>{"value": [...]}</c>), as stored for processing.</summary>
public sealed record GraphNotification
{
    [JsonPropertyName("subscriptionId")]
    public string? SubscriptionId { get; init; }

    [JsonPropertyName("clientState")]
    public string? ClientState { get; init; }

    [JsonPropertyName("changeType")]
    public string? ChangeType { get; init; }

    [JsonPropertyName("resource")]
    public string? Resource { get; init; }

    [JsonPropertyName("lifecycleEvent")]
    public string? LifecycleEvent { get; init; }

    [JsonPropertyName("resourceData")]
    public GraphResourceData? ResourceData { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static GraphNotification FromJson(string json) =>
        JsonSerializer.Deserialize<GraphNotification>(json) ?? throw new JsonException("empty Graph notification");

    /// <summary>The notifications of a webhook POST body; throws <see cref="JsonException"/> if it is not Graph's shape.</summary>
    public static IReadOnlyList<GraphNotification> ParseBatch(string body)
    {
        var batch = JsonSerializer.Deserialize<GraphNotificationBatch>(body) ?? throw new JsonException("empty body");
        return batch.Value ?? throw new JsonException("no 'value' array");
    }

    /// <summary>Constant-time comparison of the notification's clientState with the expected secret.</summary>
    public bool HasClientState(string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var actual = Encoding.UTF8.GetBytes(ClientState ?? string.Empty);
        var wanted = Encoding.UTF8.GetBytes(expected);
        // FixedTimeEquals returns at once on different lengths; hashing first makes the time independent of both.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(actual), SHA256.HashData(wanted)) && wanted.Length > 0;
    }

    private sealed record GraphNotificationBatch([property: JsonPropertyName("value")] List<GraphNotification>? Value);
}

public sealed record GraphResourceData
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("@odata.type")]
    public string? ODataType { get; init; }
}
