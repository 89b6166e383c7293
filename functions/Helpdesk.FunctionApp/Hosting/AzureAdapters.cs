using Azure.Identity;
using Azure.Storage.Blobs;
using Helpdesk.Application.Notifications;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Reports;
using Helpdesk.Infrastructure.Azure.Blob;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Azure.Graph;
using Helpdesk.Infrastructure.Azure.ServiceBus;
using Helpdesk.Infrastructure.Content;
using Helpdesk.Infrastructure.Reports;
using Helpdesk.Infrastructure.Sqlite;
using Helpdesk.Infrastructure.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>A setting is missing or malformed: the app refuses to start and names it.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);

/// <summary>
/// Chooses the Azure adapters (Cosmos DB, Blob storage, Microsoft Graph, Service Bus dead letters) when their settings are present, the embedded
/// ones otherwise, and validates those settings before anything starts.
/// </summary>
public static class AzureAdapters
{
    /// <summary>The Blob container of large message bodies (IContentStore), beside the reports' container.</summary>
    public const string ContentContainer = "content";

    public static void AddAdapters(this IServiceCollection services, IConfiguration configuration, HostingMode mode, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        SettingFormats.Validate(configuration);
        services.AddSingleton<SqliteOutboxStore>();
        services.AddSingleton<IOutboxStore>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        services.AddSingleton<IOutboxWriter>(sp => sp.GetRequiredService<SqliteOutboxStore>());
        AddCosmos(services, configuration, mode);
        AddReportStore(services, configuration, dataDirectory);
        AddGraph(services, configuration);
        AddTeams(services, configuration, dataDirectory);
        AddDeadLetterQueue(services, configuration, mode);
    }

    /// <summary>Dead letters: Service Bus's dead-letter sub-queues under the Functions host when the bindings' namespace
    /// (<c>ServiceBusConnection__fullyQualifiedNamespace</c>) is set, read over the REST API with the same managed
    /// identity (<c>ServiceBusConnection__clientId</c>); the SQLite outbox otherwise. A test may register its own
    /// <see cref="ServiceBusRestClient"/> (a fake Service Bus) before this runs.</summary>
    private static void AddDeadLetterQueue(IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        var ns = NullIfBlank(configuration["ServiceBusConnection:fullyQualifiedNamespace"]);
        if (ns is null || mode != HostingMode.FunctionsHost)
        {
            services.AddSingleton<IDeadLetterQueue, Helpdesk.Application.Outbox.OutboxDeadLetterQueue>();
            return;
        }

        if (Uri.CheckHostName(ns) != UriHostNameType.Dns)
        {
            throw new StartupConfigurationException($"ServiceBusConnection__fullyQualifiedNamespace must be a host name such as 'sb-helpdesk.servicebus.windows.net'; found '{ns}'.");
        }

        var options = new ServiceBusRestOptions { Namespace = new Uri("https://" + ns + "/") };
        var clientId = NullIfBlank(configuration["ServiceBusConnection:clientId"]) ?? NullIfBlank(configuration["AZURE_CLIENT_ID"]);
        services.TryAddSingleton(sp => new ServiceBusRestClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }),
            options,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IDeadLetterQueue>(sp => new ServiceBusDeadLetterQueue(
            sp.GetRequiredService<ServiceBusRestClient>(),
            Helpdesk.Application.Outbox.Queues.All,
            sp.GetRequiredService<IIdGenerator>(),
            sp.GetRequiredService<ILogger<ServiceBusDeadLetterQueue>>()));
    }

    /// <summary>Teams cards: to the Workflows webhook when <c>Teams__WebhookUrl</c> is set (in any mode, so that a local
    /// run can post to a real channel or a test receiver), else as JSON files in <c>{data}/teams/</c>.</summary>
    private static void AddTeams(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var webhook = NullIfBlank(configuration["Teams:WebhookUrl"]);
        if (webhook is null)
        {
            services.AddSingleton<ITeamsNotifier>(sp => new LocalTeamsNotifier(dataDirectory, sp.GetRequiredService<TimeProvider>()));
            return;
        }

        var uri = AbsoluteUri("Teams__WebhookUrl", webhook, allowHttp: IsLoopback(webhook));
        services.AddHttpClient(TeamsHttpClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ITeamsNotifier>(sp => new WorkflowWebhookTeamsNotifier(sp.GetRequiredService<IHttpClientFactory>().CreateClient(TeamsHttpClient), uri));
    }

    private const string TeamsHttpClient = "teams-webhook";

    private static void AddCosmos(IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        var endpoint = configuration["CosmosDb:accountEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        var options = new CosmosOptions
        {
            AccountEndpoint = AbsoluteUri("CosmosDb__accountEndpoint", endpoint, allowHttp: false),
            AccountKey = NullIfBlank(configuration["CosmosDb:accountKey"]),
            DatabaseName = NullIfBlank(configuration["CosmosDb:databaseName"]) ?? "helpdesk",
            Emulator = IsLoopback(endpoint),
        };
        if (mode == HostingMode.Embedded)
        {
            throw new StartupConfigurationException(
                "CosmosDb__accountEndpoint is set, but the app runs without the Functions host: with Cosmos DB the outbox is forwarded by the " +
                "change feed (function ForwardOutbox), which only the host runs. Run under the Functions host, or clear CosmosDb__accountEndpoint to use SQLite.");
        }

        services.AddSingleton(options);
        services.AddSingleton(_ => CosmosConnection.CreateClient(options));
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Azure.Cosmos.CosmosClient>().GetContainer(options.DatabaseName, options.TicketsContainer));
        services.AddSingleton<CosmosTicketStore>();
        services.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<CosmosTicketStore>());
        services.AddSingleton<IProtocolAccounting>(sp => sp.GetRequiredService<CosmosTicketStore>());
        services.AddSingleton<IThreadIndex>(sp => sp.GetRequiredService<CosmosTicketStore>());
        services.AddSingleton<ITicketQueries, CosmosTicketQueries>(); // AddAgentApi only adds the SQLite lists when none is registered
        services.AddSingleton<ITicketHistory, CosmosTicketHistory>(); // the finance read side (timers, ticket export)
        services.AddSingleton<ITicketsNearDeadline, CosmosTicketsNearDeadline>(); // the sweep reads the list items, not an empty SQLite file
        services.AddSingleton<IAgentRoster, CosmosAgentRoster>();
        services.AddSingleton<IProcessedMessages, CosmosProcessedMessages>();
        services.AddSingleton<IAvailabilityLog, CosmosAvailabilityLog>();
        services.AddSingleton<IOutboxWriter, CosmosOutboxWriter>();
        services.AddSingleton<IDailyIndicatorStore, CosmosDailyIndicatorStore>(); // the dashboard's daily figures
        services.AddSingleton<IJustificationStore, CosmosJustificationStore>();
        services.AddSingleton<IClosedMonthStore, CosmosClosedMonthStore>(); // closed months
        services.AddSingleton<IAuditSource, CosmosAuditSource>(); // the auditors' raw histories and protocol ledger
        services.AddSingleton<ICatalogueStore, CosmosCatalogueStore>(); // shared by every instance, not a per-instance SQLite file
        services.AddSingleton<IInstitutionDirectory, CosmosInstitutionDirectory>();
        services.AddSingleton<IKnowledgeBase, CosmosKnowledgeBase>();
    }

    private static void AddReportStore(IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var serviceUri = NullIfBlank(configuration["ReportStorage:blobServiceUri"]);
        var connectionString = NullIfBlank(configuration["ReportStorage:connectionString"]);
        var container = NullIfBlank(configuration["ReportStorage:containerName"]) ?? "reports";
        if (serviceUri is null && connectionString is null)
        {
            services.AddSingleton<IReportStore>(new LocalFolderReportStore(Path.Combine(dataDirectory, "reports")));
            services.AddSingleton<IContentStore>(new LocalFolderContentStore(Path.Combine(dataDirectory, "content")));
            return;
        }

        BlobServiceClient client;
        if (serviceUri is not null)
        {
            client = new BlobServiceClient(AbsoluteUri("ReportStorage__blobServiceUri", serviceUri, allowHttp: IsLoopback(serviceUri)), new DefaultAzureCredential());
        }
        else
        {
            try
            {
                client = new BlobServiceClient(connectionString);
            }
            catch (FormatException ex)
            {
                throw new StartupConfigurationException($"ReportStorage__connectionString is not a storage connection string: {ex.Message}");
            }
        }

        services.AddSingleton<IReportStore>(new BlobReportStore(client.GetBlobContainerClient(container)));
        services.AddSingleton<IContentStore>(new BlobContentStore(client.GetBlobContainerClient(ContentContainer)));
    }

    private static void AddGraph(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphOptions.Section);
        string[] names = ["TenantId", "ClientId", "ClientSecret", "MailboxUserId", "ClientState", "NotificationUrl"];
        var present = names.Where(n => !string.IsNullOrWhiteSpace(section[n])).ToList();
        if (present.Count == 0)
        {
            return;
        }

        var missing = names.Except(present).ToList();
        if (missing.Count > 0)
        {
            throw new StartupConfigurationException(
                $"Microsoft Graph is partly configured: {string.Join(", ", missing.Select(n => "Graph__" + n))} missing (set all Graph__* settings, or none for the local mailbox).");
        }

        var options = new GraphOptions
        {
            TenantId = section["TenantId"],
            ClientId = section["ClientId"],
            ClientSecret = section["ClientSecret"],
            MailboxUserId = section["MailboxUserId"],
            ClientState = section["ClientState"],
            NotificationUrl = AbsoluteUri("Graph__NotificationUrl", section["NotificationUrl"]!, allowHttp: false),
        };
        if (options.ClientState!.Length < 16)
        {
            throw new StartupConfigurationException("Graph__ClientState must be a random secret of at least 16 characters.");
        }

        services.AddSingleton<IOptions<GraphOptions>>(Options.Create(options));
        services.AddSingleton(options);
        services.AddSingleton(_ => GraphClientFactory.Create(options));
        services.AddSingleton<GraphMailbox>();
        services.AddSingleton<GraphNotificationProcessor>();
        services.AddSingleton<IOutgoingMailbox, GraphOutgoingMailbox>();
        services.TryAddSingleton<IThreadIndex, SqliteThreadIndex>(); // Cosmos DB's when AddCosmos registered it
    }

    private static Uri AbsoluteUri(string setting, string value, bool allowHttp)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp)))
        {
            throw new StartupConfigurationException($"{setting} must be an absolute {(allowHttp ? "http(s)" : "https")} URL; found '{value}'.");
        }

        return uri;
    }

    private static bool IsLoopback(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "127.0.0.1");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
