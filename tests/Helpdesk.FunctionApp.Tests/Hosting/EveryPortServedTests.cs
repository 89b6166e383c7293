using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.FunctionApp.LocalRunner;
using Helpdesk.FunctionApp.Tests.Graph;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure;
using Helpdesk.Infrastructure.Azure.Blob;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Azure.Graph;
using Helpdesk.Infrastructure.Azure.ServiceBus;
using Helpdesk.Infrastructure.Content;
using Helpdesk.Infrastructure.Mail;
using Helpdesk.Infrastructure.Reports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Teams;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.FunctionApp.Tests.Hosting;

/// <summary>
/// Every port interface of <c>Helpdesk.Application.Ports</c> (found by reflection, so that a new port cannot be
/// forgotten) is registered exactly once and served by the expected adapter, in the embedded mode and in the Azure
/// mode (Cosmos DB on the loopback server, with every edge technology configured). A port missing from a table below
/// fails the test: add it to both, with the adapter that serves it.
/// </summary>
public sealed class EveryPortServedTests(CosmosServerFixture cosmos) : IClassFixture<CosmosServerFixture>
{
    /// <summary>null: deliberately not served in that mode.</summary>
    private static readonly Dictionary<Type, Type?> Embedded = new()
    {
        [typeof(ITicketStore)] = typeof(SqliteTicketStore),
        [typeof(IProtocolAccounting)] = null, // SQLite reserves the number in the ticket's own transaction
        [typeof(IThreadIndex)] = typeof(SqliteThreadIndex),
        [typeof(ITicketQueries)] = typeof(SqliteTicketQueries),
        [typeof(ITicketHistory)] = typeof(SqliteTicketHistory),
        [typeof(ITicketsNearDeadline)] = typeof(SqliteTicketsNearDeadline),
        [typeof(ITicketDeadlines)] = typeof(TicketClocks),
        [typeof(IAuditSource)] = typeof(SqliteAuditSource),
        [typeof(IIdGenerator)] = typeof(SystemIdGenerator),
        [typeof(IOutboxStore)] = typeof(SqliteOutboxStore),
        [typeof(IOutboxWriter)] = typeof(SqliteOutboxStore),
        [typeof(IOutboxSignal)] = typeof(OutboxSignal),
        [typeof(IProcessedMessages)] = typeof(SqliteProcessedMessages),
        [typeof(IDeadLetterQueue)] = typeof(OutboxDeadLetterQueue),
        [typeof(IAgentRoster)] = typeof(SqliteAgentRoster),
        [typeof(ICatalogueStore)] = typeof(SqliteCatalogueStore),
        [typeof(IInstitutionDirectory)] = typeof(SqliteInstitutionDirectory),
        [typeof(IKnowledgeBase)] = typeof(SqliteKnowledgeBase),
        [typeof(IDailyIndicatorStore)] = typeof(SqliteDailyIndicatorStore),
        [typeof(IJustificationStore)] = typeof(SqliteJustificationStore),
        [typeof(IHeldMessages)] = typeof(SqliteHeldMessages),
        [typeof(IClosedMonthStore)] = typeof(SqliteClosedMonthStore),
        [typeof(IAvailabilityLog)] = typeof(SqliteAvailabilityLog),
        [typeof(ITicketErasure)] = typeof(SqliteTicketStore), // issue 19: the store's own transaction
        [typeof(IReportStore)] = typeof(LocalFolderReportStore),
        [typeof(IContentStore)] = typeof(LocalFolderContentStore),
        [typeof(IMalwareScanResults)] = typeof(LocalMalwareScanResults),
        [typeof(IOutgoingMailbox)] = typeof(LocalOutgoingMailbox),
        [typeof(ITeamsNotifier)] = typeof(LocalTeamsNotifier),
    };

    private static readonly Dictionary<Type, Type?> Azure = new()
    {
        [typeof(ITicketStore)] = typeof(CosmosTicketStore),
        [typeof(IProtocolAccounting)] = typeof(CosmosTicketStore),
        [typeof(IThreadIndex)] = typeof(CosmosTicketStore),
        [typeof(ITicketQueries)] = typeof(CosmosTicketQueries),
        [typeof(ITicketHistory)] = typeof(CosmosTicketHistory),
        [typeof(ITicketsNearDeadline)] = typeof(CosmosTicketsNearDeadline),
        [typeof(ITicketDeadlines)] = typeof(TicketClocks),
        [typeof(IAuditSource)] = typeof(CosmosAuditSource),
        [typeof(IIdGenerator)] = typeof(SystemIdGenerator),
        [typeof(IOutboxStore)] = typeof(SqliteOutboxStore), // the instance's own dispatch side; the change feed forwards Cosmos DB's outbox
        [typeof(IOutboxWriter)] = typeof(CosmosOutboxWriter),
        [typeof(IOutboxSignal)] = typeof(OutboxSignal),
        [typeof(IProcessedMessages)] = typeof(CosmosProcessedMessages),
        [typeof(IDeadLetterQueue)] = typeof(ServiceBusDeadLetterQueue),
        [typeof(IAgentRoster)] = typeof(CosmosAgentRoster),
        [typeof(ICatalogueStore)] = typeof(CosmosCatalogueStore),
        [typeof(IInstitutionDirectory)] = typeof(CosmosInstitutionDirectory),
        [typeof(IKnowledgeBase)] = typeof(CosmosKnowledgeBase),
        [typeof(IDailyIndicatorStore)] = typeof(CosmosDailyIndicatorStore),
        [typeof(IJustificationStore)] = typeof(CosmosJustificationStore),
        [typeof(IHeldMessages)] = typeof(CosmosHeldMessages),
        [typeof(IClosedMonthStore)] = typeof(CosmosClosedMonthStore),
        [typeof(IAvailabilityLog)] = typeof(CosmosAvailabilityLog),
        [typeof(ITicketErasure)] = typeof(CosmosTicketStore), // issue 19: the ticket item's ETag-checked write
        [typeof(IReportStore)] = typeof(BlobReportStore),
        [typeof(IContentStore)] = typeof(BlobContentStore),
        [typeof(IMalwareScanResults)] = typeof(BlobMalwareScanResults),
        [typeof(IOutgoingMailbox)] = typeof(GraphOutgoingMailbox),
        [typeof(ITeamsNotifier)] = typeof(WorkflowWebhookTeamsNotifier),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every public interface in the ports' namespace.</summary>
    private static IReadOnlyList<Type> Ports { get; } = typeof(ITicketStore).Assembly.GetExportedTypes()
        .Where(t => t.IsInterface && t.Namespace == typeof(ITicketStore).Namespace)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void The_ports_are_the_interfaces_of_the_ports_namespace_and_both_tables_name_each()
    {
        Assert.Contains(typeof(IReportStore), Ports);
        Assert.Contains(typeof(ITeamsNotifier), Ports);
        Assert.Equal(Ports.Select(p => p.Name), Embedded.Keys.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Ports.Select(p => p.Name), Azure.Keys.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task In_the_embedded_mode_every_port_is_registered_once_and_served_by_its_embedded_adapter()
    {
        await using var app = await RunningApp.StartAsync();

        AssertServed(app.App.Services, Embedded);
    }

    [Fact]
    public async Task In_the_azure_mode_every_port_is_registered_once_and_served_by_its_azure_adapter()
    {
        var options = cosmos.Options("ports-" + Guid.NewGuid().ToString("N")[..12]);
        await CosmosConnection.EnsureTicketsContainerAsync(cosmos.Client, options, Ct);
        var data = Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        var edges = GraphWebhookTests.GraphSettings();
        edges["ReportStorage:connectionString"] = "UseDevelopmentStorage=true";
        edges["ServiceBusConnection:fullyQualifiedNamespace"] = "sb-helpdesk.servicebus.windows.net";
        edges["Teams:WebhookUrl"] = "https://prod.example.logic.azure.com/workflows/1/triggers/manual/paths/invoke";
        try
        {
            await using var app = await CosmosHostedApp.StartAsync(options, data, b =>
            {
                foreach (var (key, value) in edges)
                {
                    b.Configuration[key] = value;
                }
            });

            AssertServed(app.App.Services, Azure);
        }
        finally
        {
            using var _ = await cosmos.Client.GetDatabase(options.DatabaseName).DeleteStreamAsync(cancellationToken: Ct);
        }
    }

    private static void AssertServed(IServiceProvider services, Dictionary<Type, Type?> expected)
    {
        Assert.NotEmpty(Ports);
        foreach (var port in Ports)
        {
            Assert.True(expected.TryGetValue(port, out var adapter), $"{port.Name} is not in the table of its mode");
            var registered = services.GetServices(port).ToList();
            if (adapter is null)
            {
                Assert.True(registered.Count == 0, $"{port.Name} should not be served in this mode; found {string.Join(", ", registered.Select(r => r!.GetType().Name))}");
                continue;
            }

            Assert.True(registered.Count == 1, $"{port.Name} is registered {registered.Count} times");
            Assert.True(adapter == registered[0]!.GetType(), $"{port.Name} is served by {registered[0]!.GetType().Name}, expected {adapter.Name}");
        }
    }
}
