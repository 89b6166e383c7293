using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Helpdesk.Infra.Tests.Support;

namespace Helpdesk.Infra.Tests.Bicep;

/// <summary>What the compiled template must keep true: no keys, least privilege, the shapes the code relies on.</summary>
public sealed partial class SecurityAndShapeTests
{
    [Fact]
    public async Task Role_assignments_are_all_in_the_rbac_module_and_named_with_guid()
    {
        var template = await CompiledInfra.Main;
        var assignments = template.Resources
            .Where(r => r.Type.EndsWith("/roleAssignments", StringComparison.OrdinalIgnoreCase)
                        || r.Type.EndsWith("/sqlRoleAssignments", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a =>
        {
            Assert.Equal("rbac", a.Module);
            Assert.Contains("guid(", a.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Azure_role_assignments_use_built_in_roles_that_grant_data_access_only()
    {
        var template = await CompiledInfra.Main;
        var roles = template.ModuleTemplate("rbac")["variables"]?["roles"] as JsonObject;

        Assert.NotNull(roles);
        // Control-plane roles (Owner, Contributor, User Access Administrator) would let the app reconfigure its own resources.
        string[] controlPlane = ["8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "b24988ac-6180-42a0-ab88-20f7382dd24c", "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9"];
        Assert.All(roles, role => Assert.DoesNotContain(role.Value!.GetValue<string>(), controlPlane));
    }

    [Fact]
    public async Task Every_resource_name_comes_from_the_environment_and_the_name_hash()
    {
        var template = await CompiledInfra.Main;
        var names = (template.Root["variables"]?["names"] as JsonObject)!;

        Assert.Equal(10, names.Count);
        Assert.All(names, name => Assert.Contains("variables('resourceToken')", name.Value!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains("uniqueString(", template.Root["variables"]?["resourceToken"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_services_refuse_keys_and_anonymous_access()
    {
        var template = await CompiledInfra.Main;

        Assert.True(Bool(Single(template, "Microsoft.DocumentDB/databaseAccounts").Properties["disableLocalAuth"]));
        Assert.True(Bool(Single(template, "Microsoft.ServiceBus/namespaces").Properties["disableLocalAuth"]));
        Assert.True(Bool(Single(template, "Microsoft.Insights/components").Properties["DisableLocalAuth"]));
        Assert.True(Bool(Single(template, "Microsoft.KeyVault/vaults").Properties["enableRbacAuthorization"]));
        var storageAccounts = template.OfType("Microsoft.Storage/storageAccounts").ToList();
        Assert.Equal(2, storageAccounts.Count);
        Assert.All(storageAccounts, s =>
        {
            Assert.False(Bool(s.Properties["allowSharedKeyAccess"]));
            Assert.False(Bool(s.Properties["allowBlobPublicAccess"]));
            Assert.Equal("TLS1_2", s.Properties["minimumTlsVersion"]?.GetValue<string>());
        });
    }

    [Fact]
    public async Task Function_app_is_a_Flex_Consumption_custom_handler_running_as_a_user_assigned_identity()
    {
        var template = await CompiledInfra.Main;
        var plan = Single(template, "Microsoft.Web/serverfarms");
        var site = Single(template, "Microsoft.Web/sites");
        var config = site.Properties["functionAppConfig"]!;

        Assert.Equal("FC1", plan.Json["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("custom", config["runtime"]?["name"]?.GetValue<string>());
        Assert.Equal("1.0", config["runtime"]?["version"]?.GetValue<string>());
        Assert.Equal("UserAssigned", site.Json["identity"]?["type"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]?["storage"]?["authentication"]?["type"]?.GetValue<string>());
        Assert.True(Bool(site.Properties["httpsOnly"]));
        Assert.Contains("alwaysReadyHttpInstances", config["scaleAndConcurrency"]?["alwaysReady"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => Assert.False(Bool(p.Properties["allow"])));
    }

    [Fact]
    public async Task Function_app_sets_nothing_Flex_Consumption_does_not_support()
    {
        var template = await CompiledInfra.Main;
        var site = Single(template, "Microsoft.Web/sites");

        // Flex Consumption lists ftpsState and the FTP publishing-credentials policy as unsupported.
        Assert.False(site.Properties["siteConfig"]?.AsObject().ContainsKey("ftpsState") ?? false, "siteConfig.ftpsState is not supported on Flex Consumption");
        Assert.DoesNotContain(template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => p.Name.Contains("'ftp'", StringComparison.Ordinal));
        Assert.Single(template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => p.Name.Contains("'scm'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_identity_writes_the_content_container_of_the_finance_account()
    {
        var template = await CompiledInfra.Main;
        var rbac = template.ModuleTemplate("rbac");
        var roles = (rbac["variables"]?["roles"] as JsonObject)!;
        var contributor = roles["storageBlobDataContributor"]!.GetValue<string>();
        var assignments = template.OfType("Microsoft.Authorization/roleAssignments").Where(a => a.Module == "rbac").ToList();

        var content = Assert.Single(assignments, a => a.Json["scope"]?.GetValue<string>()?.Contains("contentContainerName", StringComparison.Ordinal) == true
            && a.Properties["roleDefinitionId"]!.GetValue<string>().Contains("storageBlobDataContributor", StringComparison.Ordinal));
        Assert.Contains("storageBlobDataContributor", content.Properties["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("appIdentity", content.Properties["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ba92f5b4-2d11-453d-a403-e96b0029c9fe", contributor);
        // The container the adapter writes to is the one the template creates and grants.
        Assert.Equal(Helpdesk.FunctionApp.Hosting.EdgeAdapters.ContentContainer, template.Root["variables"]?["contentContainerName"]?.GetValue<string>());
    }

    [Fact]
    public async Task Defender_scans_the_content_account_on_upload_and_the_app_may_only_read_the_verdict_tags()
    {
        var template = await CompiledInfra.Main;

        var defender = Assert.Single(template.OfType("Microsoft.Security/defenderForStorageSettings"));
        Assert.Equal("finance-storage", defender.Module);
        Assert.True(defender.Properties["isEnabled"]!.GetValue<bool>());
        Assert.True(defender.Properties["malwareScanning"]!["onUpload"]!["isEnabled"]!.GetValue<bool>());
        var role = Assert.Single(template.OfType("Microsoft.Authorization/roleDefinitions"));
        var permissions = role.Properties["permissions"]![0]!;
        Assert.Equal(["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/tags/read"], permissions["dataActions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Empty(permissions["actions"]!.AsArray());
        var reader = Assert.Single(template.OfType("Microsoft.Authorization/roleAssignments"), a => a.Properties["roleDefinitionId"]!.GetValue<string>().Contains("scanResultReaderRole", StringComparison.Ordinal)
            || a.Properties["roleDefinitionId"]!.GetValue<string>().Contains("helpdesk-content-scan-result-reader", StringComparison.Ordinal));
        Assert.Contains("contentContainerName", reader.Json["scope"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_queue_grants_the_app_Service_Bus_Data_Owner_for_Flex_scaling_and_nothing_on_the_namespace()
    {
        var template = await CompiledInfra.Main;
        var rbac = template.ModuleTemplate("rbac");
        var roles = (rbac["variables"]?["roles"] as JsonObject)!;
        var assignments = template.OfType("Microsoft.Authorization/roleAssignments").Where(a => a.Module == "rbac").ToList();

        Assert.Equal("090c5cfd-751d-490a-894a-3ce6f1109419", roles["serviceBusDataOwner"]?.GetValue<string>()); // Azure Service Bus Data Owner
        var owners = Assert.Single(assignments, a => a.Properties["roleDefinitionId"]!.GetValue<string>().Contains("serviceBusDataOwner", StringComparison.Ordinal));
        Assert.Equal("[length(parameters('queueNames'))]", owners.Json["copy"]?["count"]?.GetValue<string>()); // one per queue
        Assert.Contains("Microsoft.ServiceBus/namespaces/queues", owners.Json["scope"]!.GetValue<string>(), StringComparison.Ordinal); // at queue scope
        Assert.All(
            assignments.Select(a => a.Json["scope"]?.GetValue<string>() ?? "").Where(s => s.Contains("Microsoft.ServiceBus", StringComparison.Ordinal)),
            scope => Assert.Contains("Microsoft.ServiceBus/namespaces/queues", scope, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prod_names_a_group_as_vault_operator_and_dev_a_user()
    {
        var dev = (await CompiledInfra.Parameters("dev")).Root["parameters"]!;
        var prod = (await CompiledInfra.Parameters("prod")).Root["parameters"]!;
        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "deploy.md"), TestContext.Current.CancellationToken);

        Assert.Equal("Group", prod["vaultOperatorPrincipalType"]?["value"]?.GetValue<string>());
        Assert.Null(dev["vaultOperatorPrincipalType"]); // the template's default, User: the signed-in operator
        // The guide's prod step passes a group's object id, not the signed-in user's.
        Assert.Contains("HELPDESK_VAULT_OPERATOR_ID=$(az ad group show", guide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_queue_dead_letters_and_detects_duplicates()
    {
        var template = await CompiledInfra.Main;
        var queue = Single(template, "Microsoft.ServiceBus/namespaces/queues");

        Assert.Equal("[length(parameters('queueNames'))]", queue.Json["copy"]?["count"]?.GetValue<string>()); // one definition for every queue
        var properties = queue.Properties;
        Assert.True(Bool(properties["requiresDuplicateDetection"]));
        Assert.True(Bool(properties["deadLetteringOnMessageExpiration"]));
        Assert.Equal("[parameters('maxDeliveryCount')]", properties["maxDeliveryCount"]?.GetValue<string>());
        Assert.Equal("[parameters('lockDuration')]", properties["lockDuration"]?.GetValue<string>());
    }

    [Fact]
    public async Task Cosmos_containers_have_the_partition_keys_and_expiry_the_adapters_expect()
    {
        var template = await CompiledInfra.Main;
        var containers = CosmosContainers(template);

        Assert.Equal("/pk", containers["tickets"]["partitionKeyPath"]?.GetValue<string>());
        Assert.Equal(-1, containers["tickets"]["defaultTtl"]?.GetValue<int>()); // TTL on, no default: only outbox items carrying `ttl` expire
        Assert.Equal("/id", containers["leases"]["partitionKeyPath"]?.GetValue<string>()); // required by the change-feed extension
        Assert.True(containers["leases"].ContainsKey("defaultTtl") && containers["leases"]["defaultTtl"] is null, "leases must never expire");
        Assert.Contains("dedupTtlSeconds", containers["dedup"]["defaultTtl"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(containers.Values.Where(c => c["name"]?.GetValue<string>() != "tickets"), c => Assert.Equal("consistent", c["indexingPolicy"]?["indexingMode"]?.GetValue<string>()));
    }

    [Fact]
    public async Task The_tickets_container_deploys_the_indexing_policy_file_the_adapter_embeds()
    {
        var template = await CompiledInfra.Main;
        var cosmos = template.ModuleTemplate("cosmos");
        var reference = CosmosContainers(template)["tickets"]["indexingPolicy"]!.GetValue<string>(); // loadJsonContent → a variable
        var variable = System.Text.RegularExpressions.Regex.Match(reference, @"^\[variables\('(?<name>[^']+)'\)\]$").Groups["name"].Value;
        var deployed = cosmos["variables"]![variable]!;
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "app", "tickets-indexing-policy.json")))!;

        Assert.True(JsonNode.DeepEquals(file, deployed), "the deployed indexing policy differs from infra/app/tickets-indexing-policy.json");
        Assert.Equal("consistent", deployed["indexingMode"]?.GetValue<string>());
        Assert.Contains(deployed["excludedPaths"]!.AsArray(), p => p!["path"]!.GetValue<string>() == "/events/*");
        Assert.NotEmpty(deployed["compositeIndexes"]!.AsArray());
    }

    internal static Dictionary<string, JsonObject> CosmosContainers(ArmTemplate template) =>
        (template.ModuleTemplate("cosmos")["variables"]?["containers"] as JsonArray)!
            .Select(c => c!.AsObject())
            .ToDictionary(c => c["name"]!.GetValue<string>(), StringComparer.Ordinal);

    [Fact]
    public async Task Finance_reports_are_versioned_and_recoverable()
    {
        var template = await CompiledInfra.Main;
        var blobService = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/blobServices"), r => r.Module == "finance-storage").Properties;

        Assert.True(Bool(blobService["isVersioningEnabled"]));
        Assert.True(Bool(blobService["deleteRetentionPolicy"]?["enabled"]));
        Assert.True(Bool(blobService["containerDeleteRetentionPolicy"]?["enabled"]));
        Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies"));
    }

    [Fact]
    public async Task Dev_is_serverless_and_prod_keeps_an_instance_warm_for_Graph()
    {
        var dev = (await CompiledInfra.Parameters("dev")).Root["parameters"]!;
        var prod = (await CompiledInfra.Parameters("prod")).Root["parameters"]!;

        Assert.Equal("serverless", dev["cosmosThroughputMode"]?["value"]?.GetValue<string>());
        Assert.Equal("autoscale", prod["cosmosThroughputMode"]?["value"]?.GetValue<string>());
        Assert.True(prod["alwaysReadyHttpInstances"]?["value"]?.GetValue<int>() >= 1);
        Assert.True(prod["keyVaultPurgeProtection"]?["value"]?.GetValue<bool>());
        Assert.True(prod["financeImmutabilityDays"]?["value"]?.GetValue<int>() > 0);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task Parameter_files_hold_no_secret_value(string environment)
    {
        // The test runs build-params with the secret variables unset: each secure parameter must then be empty,
        // i.e. the file reads it from the environment and holds no literal.
        var parameters = (await CompiledInfra.Parameters(environment)).Root["parameters"]!;

        Assert.All(
            ["graphClientSecret", "graphClientState", "surveySigningKey", "teamsWebhookUrl"],
            name => Assert.Equal("", parameters[name]?["value"]?.GetValue<string>()));
    }

    [Fact]
    public async Task Every_output_the_deploy_guide_uses_exists()
    {
        var template = await CompiledInfra.Main;
        var outputs = (template.Root["outputs"] as JsonObject)!.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "docs", "deploy.md"), TestContext.Current.CancellationToken);

        var used = OutputReference().Matches(guide).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, outputs));
    }

    // docs/deploy.md reads outputs through its helper: out() { az deployment group show ... }; $(out NAME).
    [GeneratedRegex(@"\$\(out ([A-Z][A-Z0-9_]+)\)")]
    private static partial Regex OutputReference();

    private static ArmResource Single(ArmTemplate template, string type) => Assert.Single(template.OfType(type));

    private static bool Bool(JsonNode? node) => node?.GetValue<bool>() ?? throw new Xunit.Sdk.XunitException("expected a literal boolean");
}
