using System.Text.Json.Nodes;

namespace Helpdesk.Infra.Tests.Support;

/// <summary>A resource in a compiled ARM template, with the chain of module deployments it sits in.</summary>
internal sealed record ArmResource(string Type, string Name, JsonObject Json, IReadOnlyList<string> ModulePath)
{
    public string Module => ModulePath.Count == 0 ? "" : ModulePath[^1];

    public JsonObject Properties => Json["properties"] as JsonObject ?? [];
}

/// <summary>Reads the JSON that `bicep build` emits: resources of the template and of every nested module, recursively.</summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root, IReadOnlyList<ArmResource> resources)
    {
        Root = root;
        Resources = resources;
    }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("not a JSON object");
        var resources = new List<ArmResource>();
        Collect(root, [], resources);
        return new ArmTemplate(root, resources);
    }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The template of the module deployment named <paramref name="module"/> (a direct child of the root).</summary>
    public JsonObject ModuleTemplate(string module) =>
        OfType("Microsoft.Resources/deployments").Single(d => d.ModulePath.Count == 0 && d.Name == module)
            .Properties["template"] as JsonObject ?? throw new FormatException($"module {module} has no inline template");

    private static void Collect(JsonObject template, IReadOnlyList<string> path, List<ArmResource> into)
    {
        // languageVersion 2.0 templates hold resources in an object keyed by symbolic name; 1.0 in an array.
        IEnumerable<JsonNode?> nodes = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject map => map.Select(p => p.Value),
            _ => [],
        };
        foreach (var node in nodes.OfType<JsonObject>())
        {
            var type = node["type"]?.GetValue<string>() ?? "";
            var name = node["name"]?.GetValue<string>() ?? "";
            into.Add(new ArmResource(type, name, node, path));
            if (string.Equals(type, "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && node["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, [.. path, name], into);
            }
        }
    }
}
