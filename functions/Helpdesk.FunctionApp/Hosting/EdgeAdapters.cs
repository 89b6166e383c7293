using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Infrastructure.Azure.Blob;
using Helpdesk.Infrastructure.Azure.Graph;
using Helpdesk.Infrastructure.Azure.ServiceBus;
using Helpdesk.Infrastructure.Content;
using Helpdesk.Infrastructure.Mail;
using Helpdesk.Infrastructure.Reports;
using Helpdesk.Infrastructure.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// The technologies at the edges, each chosen by its own settings in either <see cref="AdapterMode"/> (so that a local
/// run can use Azurite, a real channel's webhook or a stand-in Graph), read and validated once by <see cref="Read"/>:
/// <list type="bullet">
/// <item>reports and large message bodies: Blob storage when <c>ReportStorage__blobServiceUri</c> or
/// <c>ReportStorage__connectionString</c> is set, else the folders <c>{data}/reports</c> and <c>{data}/content</c>;</item>
/// <item>outgoing mail: Microsoft Graph when every required <c>Graph__*</c> setting is set (none: the local mailbox of
/// <c>.eml</c> files; some: the app refuses to start); <c>Graph__BaseUrl</c> and <c>Graph__AuthorityHost</c> are
/// optional (a national cloud, or a loopback stand-in over plain http);</item>
/// <item>Teams cards: the Workflows webhook of <c>Teams__WebhookUrl</c>, else JSON files in <c>{data}/teams/</c>;</item>
/// <item>dead letters: Service Bus's dead-letter sub-queues under the Functions host when
/// <c>ServiceBusConnection__fullyQualifiedNamespace</c> is set, else the SQLite outbox's.</item>
/// </list>
/// The mode classes register the ports with the factories below; <see cref="AddSupport"/> registers what those need.
/// </summary>
public sealed class EdgeAdapters
{
    /// <summary>The Blob container of large message bodies (IContentStore), beside the reports' container.</summary>
    public const string ContentContainer = "content";

    private const string TeamsHttpClient = "teams-webhook";

    private readonly string _dataDirectory;
    private readonly IReportStore _reportStore;
    private readonly IContentStore _contentStore;
    private readonly IMalwareScanResults _scanResults;
    private readonly GraphOptions? _graph;
    private readonly Uri? _teamsWebhook;
    private readonly (string Namespace, string? ClientId)? _serviceBus;

    private EdgeAdapters(string dataDirectory, IReportStore reportStore, (IContentStore Store, IMalwareScanResults Scans) content, GraphOptions? graph, Uri? teamsWebhook, (string, string?)? serviceBus)
    {
        _dataDirectory = dataDirectory;
        _reportStore = reportStore;
        _contentStore = content.Store;
        _scanResults = content.Scans;
        _graph = graph;
        _teamsWebhook = teamsWebhook;
        _serviceBus = serviceBus;
    }

    /// <summary>Reads the edges' settings; throws <see cref="StartupConfigurationException"/> naming a missing or
    /// malformed one (report storage first, then Graph, Teams and Service Bus).</summary>
    public static EdgeAdapters Read(IConfiguration configuration, HostingMode hosting, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var (reports, content, scans) = ReadStorage(configuration, dataDirectory);
        var graph = ReadGraph(configuration);
        var teams = NullIfBlank(configuration["Teams:WebhookUrl"]) is { } webhook ? AbsoluteUri("Teams__WebhookUrl", webhook, allowHttp: IsLoopback(webhook)) : null;
        var serviceBus = ReadServiceBus(configuration, hosting);
        return new EdgeAdapters(dataDirectory, reports, (content, scans), graph, teams, serviceBus);
    }

    public IReportStore ReportStore(IServiceProvider services) => _reportStore;

    public IContentStore ContentStore(IServiceProvider services) => _contentStore;

    /// <summary>The malware verdicts of the content store: Defender's blob index tags on Blob storage, "not scanned" on the folder.</summary>
    public IMalwareScanResults MalwareScanResults(IServiceProvider services) => _scanResults;

    public IOutgoingMailbox OutgoingMailbox(IServiceProvider services) => _graph is null
        ? ActivatorUtilities.CreateInstance<LocalOutgoingMailbox>(services)
        : ActivatorUtilities.CreateInstance<GraphOutgoingMailbox>(services);

    public ITeamsNotifier TeamsNotifier(IServiceProvider services) => _teamsWebhook is null
        ? new LocalTeamsNotifier(_dataDirectory, services.GetRequiredService<TimeProvider>())
        : new WorkflowWebhookTeamsNotifier(services.GetRequiredService<IHttpClientFactory>().CreateClient(TeamsHttpClient), _teamsWebhook);

    public IDeadLetterQueue DeadLetterQueue(IServiceProvider services) => _serviceBus is null
        ? ActivatorUtilities.CreateInstance<OutboxDeadLetterQueue>(services)
        : new ServiceBusDeadLetterQueue(
            services.GetRequiredService<ServiceBusClient>(),
            Queues.All,
            services.GetRequiredService<IIdGenerator>(),
            services.GetRequiredService<ILogger<ServiceBusDeadLetterQueue>>());

    /// <summary>What the chosen edges need besides their ports: Graph's client, mailbox and notification processor (and
    /// the first subscription, created in the background once the server listens), the Teams webhook's HTTP client, the
    /// Service Bus client.</summary>
    public void AddSupport(IServiceCollection services)
    {
        if (_graph is { } graph)
        {
            services.AddSingleton<IOptions<GraphOptions>>(Options.Create(graph));
            services.AddSingleton(graph);
            services.AddSingleton(_ => GraphClientFactory.Create(graph));
            services.AddSingleton<GraphMailbox>();
            services.AddSingleton<GraphNotificationProcessor>();
            services.AddHostedService<GraphSubscriptionAtStartup>();
        }

        if (_teamsWebhook is not null)
        {
            services.AddHttpClient(TeamsHttpClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        }

        if (_serviceBus is var (ns, clientId))
        {
            // Not a port but a test seam: a test registers its own client (an in-memory Service Bus) before this runs.
            // AMQP over WebSockets (443), which Flex Consumption's outbound network always allows.
            services.TryAddSingleton(_ => new ServiceBusClient(
                ns,
                new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }),
                new ServiceBusClientOptions
                {
                    TransportType = ServiceBusTransportType.AmqpWebSockets,
                    RetryOptions = new ServiceBusRetryOptions { MaxRetries = 3, TryTimeout = TimeSpan.FromSeconds(20) },
                }));
        }
    }

    private static (IReportStore Reports, IContentStore Content, IMalwareScanResults Scans) ReadStorage(IConfiguration configuration, string dataDirectory)
    {
        var serviceUri = NullIfBlank(configuration["ReportStorage:blobServiceUri"]);
        var connectionString = NullIfBlank(configuration["ReportStorage:connectionString"]);
        var container = NullIfBlank(configuration["ReportStorage:containerName"]) ?? "reports";
        if (serviceUri is null && connectionString is null)
        {
            return (new LocalFolderReportStore(Path.Combine(dataDirectory, "reports")), new LocalFolderContentStore(Path.Combine(dataDirectory, "content")), new LocalMalwareScanResults());
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

        var content = client.GetBlobContainerClient(ContentContainer);
        return (new BlobReportStore(client.GetBlobContainerClient(container)), new BlobContentStore(content), new BlobMalwareScanResults(content));
    }

    private static GraphOptions? ReadGraph(IConfiguration configuration)
    {
        var section = configuration.GetSection(GraphOptions.Section);
        string[] names = ["TenantId", "ClientId", "ClientSecret", "MailboxUserId", "ClientState", "NotificationUrl"];
        var present = names.Where(n => !string.IsNullOrWhiteSpace(section[n])).ToList();
        if (present.Count == 0)
        {
            return null;
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
            BaseUrl = NullIfBlank(section["BaseUrl"]) is { } baseUrl ? AbsoluteUri("Graph__BaseUrl", baseUrl, allowHttp: IsLoopback(baseUrl)) : null,
            AuthorityHost = NullIfBlank(section["AuthorityHost"]) is { } authority ? AbsoluteUri("Graph__AuthorityHost", authority, allowHttp: IsLoopback(authority)) : null,
        };
        if (options.ClientState!.Length < 16)
        {
            throw new StartupConfigurationException("Graph__ClientState must be a random secret of at least 16 characters.");
        }

        return options;
    }

    /// <summary>Service Bus's dead-letter sub-queues are read through the SDK with the bindings' managed identity
    /// (<c>ServiceBusConnection__clientId</c>); only under the Functions host, whose bindings own the queues.</summary>
    private static (string, string?)? ReadServiceBus(IConfiguration configuration, HostingMode hosting)
    {
        var ns = NullIfBlank(configuration["ServiceBusConnection:fullyQualifiedNamespace"]);
        if (ns is null || hosting != HostingMode.FunctionsHost)
        {
            return null;
        }

        if (Uri.CheckHostName(ns) != UriHostNameType.Dns)
        {
            throw new StartupConfigurationException($"ServiceBusConnection__fullyQualifiedNamespace must be a host name such as 'sb-helpdesk.servicebus.windows.net'; found '{ns}'.");
        }

        var clientId = NullIfBlank(configuration["ServiceBusConnection:clientId"]) ?? NullIfBlank(configuration["AZURE_CLIENT_ID"]);
        return (ns, clientId);
    }

    internal static Uri AbsoluteUri(string setting, string value, bool allowHttp)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp)))
        {
            throw new StartupConfigurationException($"{setting} must be an absolute {(allowHttp ? "http(s)" : "https")} URL; found '{value}'.");
        }

        return uri;
    }

    internal static bool IsLoopback(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "127.0.0.1");

    internal static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
