using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.FunctionApp.LocalRunner;
using Helpdesk.Infrastructure;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// Azure: every port on Cosmos DB (<c>CosmosDb__accountEndpoint</c>, one account shared by every instance), and the
/// edges chosen by their own settings (<see cref="EdgeAdapters"/>). Every port of <c>Application/Ports</c> is
/// registered here exactly once. The outbox is forwarded by the change feed (function ForwardOutbox), so this mode
/// runs only under the Functions host; the in-process dispatch side (<see cref="IOutboxStore"/>) stays on the
/// instance's SQLite file, where the supervisors' dead-letter page reads it when Service Bus is not configured.
/// </summary>
public static class AzureAdapters
{
    /// <summary>The Cosmos DB account of <c>CosmosDb__*</c>, or null when <c>CosmosDb__accountEndpoint</c> is not set
    /// (the embedded defaults). Throws <see cref="StartupConfigurationException"/> for a malformed endpoint, or when
    /// the app runs without the Functions host.</summary>
    public static CosmosOptions? ReadCosmosOptions(IConfiguration configuration, HostingMode hosting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration["CosmosDb:accountEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        var options = new CosmosOptions
        {
            AccountEndpoint = EdgeAdapters.AbsoluteUri("CosmosDb__accountEndpoint", endpoint, allowHttp: false),
            AccountKey = EdgeAdapters.NullIfBlank(configuration["CosmosDb:accountKey"]),
            DatabaseName = EdgeAdapters.NullIfBlank(configuration["CosmosDb:databaseName"]) ?? "helpdesk",
            Emulator = EdgeAdapters.IsLoopback(endpoint),
        };
        if (hosting == HostingMode.Embedded)
        {
            throw new StartupConfigurationException(
                "CosmosDb__accountEndpoint is set, but the app runs without the Functions host: with Cosmos DB the outbox is forwarded by the " +
                "change feed (function ForwardOutbox), which only the host runs. Run under the Functions host, or clear CosmosDb__accountEndpoint to use SQLite.");
        }

        return options;
    }

    public static void Add(IServiceCollection services, string dataDirectory, CosmosOptions options, EdgeAdapters edges)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(edges);
        services.AddSingleton(options);
        services.TryAddSingleton(_ => CosmosConnection.CreateClient(options)); // the cosmos benchmark registers a client of its own first, to count requests
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Azure.Cosmos.CosmosClient>().GetContainer(options.DatabaseName, options.TicketsContainer));
        services.AddSingleton<CosmosTicketStore>();
        services.AddSingleton(_ => new SqliteDatabase(Path.Combine(dataDirectory, "helpdesk.db"))); // opened when first needed: not before the readiness probe
        services.AddSingleton<SqliteOutboxStore>();
        services.AddSingleton<OutboxSignal>();

        // Tickets and what is read from them.
        services.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<CosmosTicketStore>());
        services.AddSingleton<IProtocolAccounting>(sp => sp.GetRequiredService<CosmosTicketStore>());
        services.AddSingleton<IThreadIndex>(sp => sp.GetRequiredService<CosmosTicketStore>());
        services.AddSingleton<ITicketQueries, CosmosTicketQueries>();
        services.AddSingleton<ITicketHistory, CosmosTicketHistory>(); // the finance read side (timers, ticket export)
        services.AddSingleton<ITicketsNearDeadline, CosmosTicketsNearDeadline>(); // the sweep reads the list items
        services.AddSingleton<ITicketDeadlines>(sp => sp.GetRequiredService<TicketClocks>());
        services.AddSingleton<IAuditSource, CosmosAuditSource>(); // the auditors' raw histories and protocol ledger
        services.AddSingleton<IIdGenerator, SystemIdGenerator>();

        // The outbox and its consumers' memory.
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.AddSingleton<IOutboxWriter, CosmosOutboxWriter>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddSingleton<IProcessedMessages, CosmosProcessedMessages>();
        services.AddSingleton<IDeadLetterQueue>(edges.DeadLetterQueue);

        // Configuration the agents edit (shared by every instance), and the records of finance and availability.
        services.AddSingleton<IAgentRoster, CosmosAgentRoster>();
        services.AddSingleton<ICatalogueStore, CosmosCatalogueStore>();
        services.AddSingleton<IInstitutionDirectory, CosmosInstitutionDirectory>();
        services.AddSingleton<IKnowledgeBase, CosmosKnowledgeBase>();
        services.AddSingleton<IDailyIndicatorStore, CosmosDailyIndicatorStore>(); // the dashboard's daily figures
        services.AddSingleton<IJustificationStore, CosmosJustificationStore>();
        services.AddSingleton<IHeldMessages, CosmosHeldMessages>();
        services.AddSingleton<IClosedMonthStore, CosmosClosedMonthStore>();
        services.AddSingleton<IAvailabilityLog, CosmosAvailabilityLog>();

        // Erasure of personal data (issue 19): the ticket item's own ETag-checked write.
        services.AddSingleton<ITicketErasure>(sp => sp.GetRequiredService<CosmosTicketStore>());

        // The edges.
        services.AddSingleton<IReportStore>(edges.ReportStore);
        services.AddSingleton<IContentStore>(edges.ContentStore);
        services.AddSingleton<IMalwareScanResults>(edges.MalwareScanResults);
        services.AddSingleton<IOutgoingMailbox>(edges.OutgoingMailbox);
        services.AddSingleton<ITeamsNotifier>(edges.TeamsNotifier);
        edges.AddSupport(services);
    }
}
