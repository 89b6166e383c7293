using System.Text.Json.Nodes;
using Helpdesk.Hosting.Metadata;
using Helpdesk.Application.Outbox;
using Helpdesk.Infra.Tests.Support;

namespace Helpdesk.Infra.Tests.Bicep;

/// <summary>
/// The function.json bindings (generated from <see cref="FunctionCatalog"/>) only name connections, queues, databases
/// and containers that the templates create and configure.
/// </summary>
public sealed class FunctionCatalogAlignmentTests
{
    [Fact]
    public async Task Every_binding_connection_is_configured_by_an_app_setting()
    {
        var settings = (await CompiledInfra.AppSettingsAsync()).Select(p => p.Key).ToList();
        var connections = Bindings().Select(b => b["connection"]?.GetValue<string>()).OfType<string>().Distinct().ToList();

        Assert.NotEmpty(connections);
        Assert.All(connections, connection => Assert.Contains(settings, s => s == connection || s.StartsWith(connection + "__", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_template_creates_exactly_the_queues_the_outbox_feeds()
    {
        var template = await CompiledInfra.Main;
        var queues = (template.Root["variables"]?["queueNames"] as JsonArray)!.Select(q => q!.GetValue<string>()).Order(StringComparer.Ordinal);

        Assert.Equal(Queues.All.Order(StringComparer.Ordinal), queues);
        Assert.All(
            Bindings().Select(b => b["queueName"]?.GetValue<string>()).OfType<string>(),
            queue => Assert.Contains(queue, Queues.All));
    }

    [Fact]
    public async Task Every_Cosmos_database_and_container_a_binding_names_exists()
    {
        var template = await CompiledInfra.Main;
        var database = template.Root["variables"]?["cosmosDatabaseName"]?.GetValue<string>();
        var containers = SecurityAndShapeTests.CosmosContainers(template);
        var cosmosBindings = Bindings().Where(b => b["type"]?.GetValue<string>() == "cosmosDBTrigger").ToList();

        Assert.NotEmpty(cosmosBindings);
        Assert.All(cosmosBindings, binding =>
        {
            Assert.Equal(database, binding["databaseName"]?.GetValue<string>());
            Assert.Contains(binding["containerName"]!.GetValue<string>(), containers.Keys);
            Assert.Contains(binding["leaseContainerName"]!.GetValue<string>(), containers.Keys);
        });
    }

    private static List<JsonObject> Bindings() =>
        FunctionCatalog.All
            .SelectMany(f => (JsonNode.Parse(f.ToFunctionJson())?["bindings"] as JsonArray) ?? [])
            .OfType<JsonObject>()
            .ToList();
}
