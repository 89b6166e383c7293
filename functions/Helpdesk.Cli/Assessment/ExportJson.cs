using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Cli.Assessment;

/// <summary>The JSON conventions of the ticket export (docs/ticket-export.md): camelCase names, camelCase enum strings, no unknown fields.</summary>
internal static class ExportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };
}
