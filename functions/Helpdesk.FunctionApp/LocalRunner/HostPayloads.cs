using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Helpdesk.FunctionApp.LocalRunner;

/// <summary>Builds invocation payloads the way the Functions host serializes them (FUNCTIONS-HOST.md §3), so that
/// the embedded runner exercises exactly the code paths Azure does.</summary>
public static class HostPayloads
{
    public static JsonObject ServiceBus(string bindingName, string functionName, string body, Guid messageId, int deliveryCount, DateTimeOffset enqueuedAt, DateTimeOffset now) => new()
    {
        ["Data"] = new JsonObject { [bindingName] = JsonSerializer.Serialize(body) },
        ["Metadata"] = new JsonObject
        {
            ["DeliveryCount"] = deliveryCount.ToString(CultureInfo.InvariantCulture),
            ["MessageId"] = JsonSerializer.Serialize(messageId.ToString("N")),
            ["ContentType"] = JsonSerializer.Serialize("application/json"),
            ["EnqueuedTimeUtc"] = enqueuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["EnqueuedTime"] = enqueuedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["sys"] = Sys(functionName, now),
        },
    };

    public static JsonObject Timer(string bindingName, string functionName, DateTimeOffset? last, DateTimeOffset next, bool isPastDue, DateTimeOffset now) => new()
    {
        ["Data"] = new JsonObject
        {
            [bindingName] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = Seconds(last ?? now),
                    ["Next"] = Seconds(next),
                    ["LastUpdated"] = Seconds(now),
                },
                ["IsPastDue"] = isPastDue,
            },
        },
        ["Metadata"] = new JsonObject { ["sys"] = Sys(functionName, now) },
    };

    private static JsonObject Sys(string functionName, DateTimeOffset now) => new()
    {
        ["MethodName"] = functionName,
        ["UtcNow"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    private static string Seconds(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
