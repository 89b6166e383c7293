using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Application;

/// <summary>The JSON conventions of every payload the product writes: camelCase, enums as camelCase strings.</summary>
public static class JsonDefaults
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
