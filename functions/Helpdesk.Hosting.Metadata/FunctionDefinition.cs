using System.Text.Json;
using System.Text.Json.Nodes;

namespace Helpdesk.Hosting.Metadata;

/// <summary>One Azure Function: its name (the folder of its function.json), trigger and other bindings.</summary>
public sealed record FunctionDefinition(string Name, Binding Trigger, IReadOnlyList<Binding> Outputs, string Description)
{
    /// <summary>True when the host forwards the HTTP request as is (only an httpTrigger and an http output).</summary>
    public bool IsForwardedHttp => Trigger is HttpTrigger && Outputs.Count == 1 && Outputs[0] is HttpOutput;

    public string ToFunctionJson()
    {
        var bindings = new JsonArray { Trigger.ToJson() };
        foreach (var output in Outputs)
        {
            bindings.Add(output.ToJson());
        }

        var root = new JsonObject { ["bindings"] = bindings };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
