using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Application.Finance.Formats;

/// <summary>The JSON conventions of the ticket export (docs/ticket-export.md): camelCase names, camelCase enum strings, no unknown fields.</summary>
public static class ExportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,

        // Reading: null only where the record allows it (e.g. "uf": null is an error naming the field, not a crash later).
        RespectNullableAnnotations = true,

        // Writing (the product's export): optional fields are left out rather than written as null.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
