using Helpdesk.Application.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Tests.Graph;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Blob;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Azure.Graph;
using Helpdesk.Infrastructure.Azure.ServiceBus;
using Helpdesk.Infrastructure.Mail;
using Helpdesk.Infrastructure.Reports;
using Helpdesk.Infrastructure.Sqlite;

namespace Helpdesk.FunctionApp.Tests.Configuration;

/// <summary>The composition root picks the Azure adapters when their settings are present, the embedded ones otherwise,
/// and refuses to start on a missing or malformed setting, naming it.</summary>
public sealed class AdapterSelectionTests
{
    [Fact]
    public async Task Without_azure_settings_the_embedded_adapters_serve()
    {
        await using var app = await RunningApp.StartAsync();

        Assert.IsType<SqliteTicketStore>(app.Service<ITicketStore>());
        Assert.IsType<SqliteTicketQueries>(app.Service<ITicketQueries>());
        Assert.IsType<SqliteTicketsNearDeadline>(app.Service<ITicketsNearDeadline>());
        Assert.IsType<SqliteAgentRoster>(app.Service<IAgentRoster>());
        Assert.IsType<SqliteDailyIndicatorStore>(app.Service<IDailyIndicatorStore>());
        Assert.IsType<SqliteJustificationStore>(app.Service<IJustificationStore>());
        Assert.IsType<SqliteAuditSource>(app.Service<IAuditSource>());
        Assert.IsType<SqliteCatalogueStore>(app.Service<ICatalogueStore>());
        Assert.IsType<SqliteInstitutionDirectory>(app.Service<IInstitutionDirectory>());
        Assert.IsType<SqliteKnowledgeBase>(app.Service<IKnowledgeBase>());
        Assert.Null(app.App.Services.GetService<IProtocolAccounting>());
        Assert.IsType<LocalFolderReportStore>(app.Service<IReportStore>());
        Assert.IsType<Helpdesk.Infrastructure.Content.LocalFolderContentStore>(app.Service<IContentStore>());
        Assert.IsType<LocalOutgoingMailbox>(app.Service<IOutgoingMailbox>());
        Assert.IsType<OutboxDeadLetterQueue>(app.Service<IDeadLetterQueue>());
    }

    [Fact]
    public async Task With_their_settings_cosmos_blob_and_graph_serve()
    {
        var settings = GraphWebhookTests.GraphSettings();
        settings["CosmosDb:accountEndpoint"] = "https://helpdesk-cosmos.documents.azure.com:443/";
        settings["ReportStorage:blobServiceUri"] = "https://helpdeskreports.blob.core.windows.net/";
        settings["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-helpdesk.servicebus.windows.net";
        await using var app = await RunningApp.StartAsync(asFunctionsHost: true, settings: settings);

        Assert.IsType<CosmosTicketStore>(app.Service<ITicketStore>());
        Assert.IsType<CosmosTicketQueries>(app.Service<ITicketQueries>());
        Assert.IsType<CosmosTicketHistory>(app.Service<ITicketHistory>());
        Assert.IsType<CosmosTicketsNearDeadline>(app.Service<ITicketsNearDeadline>());
        Assert.IsType<CosmosAgentRoster>(app.Service<IAgentRoster>());
        Assert.IsType<CosmosDailyIndicatorStore>(app.Service<IDailyIndicatorStore>());
        Assert.IsType<CosmosJustificationStore>(app.Service<IJustificationStore>());
        Assert.IsType<CosmosAuditSource>(app.Service<IAuditSource>());
        Assert.IsType<CosmosCatalogueStore>(app.Service<ICatalogueStore>());
        Assert.IsType<CosmosInstitutionDirectory>(app.Service<IInstitutionDirectory>());
        Assert.IsType<CosmosKnowledgeBase>(app.Service<IKnowledgeBase>());
        Assert.Same(app.Service<ITicketStore>(), app.Service<IProtocolAccounting>());
        Assert.IsType<CosmosProcessedMessages>(app.Service<IProcessedMessages>());
        Assert.IsType<CosmosOutboxWriter>(app.Service<IOutboxWriter>());
        Assert.IsType<BlobReportStore>(app.Service<IReportStore>());
        Assert.IsType<BlobContentStore>(app.Service<IContentStore>());
        Assert.IsType<GraphOutgoingMailbox>(app.Service<IOutgoingMailbox>());
        Assert.IsType<ServiceBusDeadLetterQueue>(app.Service<IDeadLetterQueue>());
    }

    [Fact]
    public async Task The_service_bus_namespace_without_the_functions_host_leaves_dead_letters_in_the_outbox()
    {
        await using var app = await RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-helpdesk.servicebus.windows.net" });

        Assert.IsType<OutboxDeadLetterQueue>(app.Service<IDeadLetterQueue>());
    }

    [Theory]
    [InlineData("CosmosDb:accountEndpoint", "helpdesk-cosmos.documents.azure.com", "CosmosDb__accountEndpoint")]
    [InlineData("CosmosDb:accountEndpoint", "http://helpdesk-cosmos.documents.azure.com/", "CosmosDb__accountEndpoint")]
    [InlineData("ReportStorage:blobServiceUri", "not a url", "ReportStorage__blobServiceUri")]
    [InlineData("ReportStorage:connectionString", "AccountName=x;Nonsense", "ReportStorage__connectionString")]
    [InlineData("ServiceBusConnection:fullyQualifiedNamespace", "https://sb-helpdesk.servicebus.windows.net/", "ServiceBusConnection__fullyQualifiedNamespace")]
    [InlineData("Graph:TenantId", "00000000-0000-0000-0000-000000000001", "Graph__ClientSecret")]
    [InlineData("Graph:BaseUrl", "http://graph.example.gov.br/v1.0", "Graph__BaseUrl")]
    [InlineData("Graph:AuthorityHost", "http://login.example.gov.br/", "Graph__AuthorityHost")]
    [InlineData("Graph:AuthorityHost", "login.microsoftonline.com", "Graph__AuthorityHost")]
    public async Task A_malformed_or_missing_setting_stops_the_start_and_is_named(string key, string value, string named)
    {
        var settings = key.StartsWith("Graph:", StringComparison.Ordinal) && key != "Graph:TenantId" ? Graph.GraphWebhookTests.GraphSettings() : [];
        settings[key] = value;
        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => RunningApp.StartAsync(asFunctionsHost: true, settings: settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tickets:ReopenWindowDays", "sete", "Tickets__ReopenWindowDays")]
    [InlineData("Survey:LinkLifetimeDays", "0", "Survey__LinkLifetimeDays")]
    [InlineData("RateLimiting:Intake:PermitLimit", "-5", "RateLimiting__Intake__PermitLimit")]
    [InlineData("Helpdesk:Runner:TimersEnabled", "sim", "Helpdesk__Runner__TimersEnabled")]
    [InlineData("Helpdesk:PublicBaseUrl", "localhost:7071", "Helpdesk__PublicBaseUrl")]
    [InlineData("Helpdesk:SupportAddress", "suporte", "Helpdesk__SupportAddress")]
    [InlineData("Teams:WebhookUrl", "http://prod-00.westus.logic.azure.com/workflows/x", "Teams__WebhookUrl")]
    public async Task A_malformed_number_switch_url_or_address_stops_the_start_and_is_named(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => RunningApp.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal); // values are never echoed (some are secrets)
    }

    [Fact]
    public void Every_checked_setting_is_catalogued_and_its_sample_value_is_well_formed()
    {
        using var sample = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");
        var catalogued = Helpdesk.Infrastructure.Configuration.SettingsCatalog.All.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(SettingFormats.Names);
        Assert.All(SettingFormats.Names, name =>
        {
            Assert.Contains(name, catalogued);
            Assert.Null(SettingFormats.Problem(name, values.GetProperty(name).GetString()!));
        });
    }

    [Fact]
    public async Task Cosmos_without_the_functions_host_is_refused_because_nothing_would_forward_the_outbox()
    {
        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => RunningApp.StartAsync(settings: new Dictionary<string, string?> { ["CosmosDb:accountEndpoint"] = "https://helpdesk-cosmos.documents.azure.com:443/" }));

        Assert.Contains("CosmosDb__accountEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("change feed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_client_state_is_refused()
    {
        var settings = GraphWebhookTests.GraphSettings();
        settings["Graph:ClientState"] = "short";

        var error = await Assert.ThrowsAsync<StartupConfigurationException>(() => RunningApp.StartAsync(asFunctionsHost: true, settings: settings));

        Assert.Contains("Graph__ClientState", error.Message, StringComparison.Ordinal);
    }
}
