using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Infrastructure.Azure.Cosmos;
using Helpdesk.Infrastructure.Tests.Support;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.AzureMode.Tests.Support;

/// <summary>
/// The whole Azure topology on one machine, once per run: the loopback Cosmos DB server behind
/// <see cref="HttpsProxy"/>, Azurite, the <see cref="GraphStandIn"/>, a loopback Teams webhook, and the
/// deployment package started by the <see cref="HostDriver"/> with app settings as in Azure. Before the package starts,
/// the database holds what the scenario needs from the past, written through the app's own API by an in-process
/// instance whose clock is set back (the packaged app runs on the real clock): last month's tickets for the closing
/// and a level-1 ticket left open a week ago for the deadline sweep; the same instance adds more than 1,000 tickets
/// of this year when the scenario comes to that step (<see cref="SeedYearAsync"/>).
/// </summary>
public sealed partial class AzureTopology : IAsyncLifetime
{
    public const string ClientState = "azure-mode-client-state-0123456789";
    public const string NotificationUrl = "https://helpdesk.example.gov.br/api/graph/notifications";
    public const int NovemberTickets = 3;
    public const int BulkTickets = 1_005;

    private readonly CosmosServerFixture _cosmos = new();
    private readonly AzuriteFixture _azurite = new();
    private readonly string _data = Path.Combine(Path.GetTempPath(), "helpdesk-azure-mode", Guid.NewGuid().ToString("N"));

    public GraphStandIn Graph { get; } = new();

    public WebhookReceiver Teams { get; } = new();

    public HttpsProxy Proxy { get; private set; } = null!;

    public HostDriver Driver { get; private set; } = null!;

    public CosmosOptions Database { get; private set; } = null!;

    public Container Tickets { get; private set; } = null!;

    public Azure.Storage.Blobs.BlobServiceClient Blobs => _azurite.Service;

    /// <summary>The year the bulk tickets were opened in (the real clock's São Paulo year).</summary>
    public int Year { get; private set; }

    public string LateProtocol { get; private set; } = string.Empty;

    public DateTimeOffset LateOpenedAt { get; private set; }

    private FakeTimeProvider _clock = null!;
    private RunningApp _seeding = null!;

    /// <summary>Set-up durations (package build, stand-ins, seeding, handler start).</summary>
    public List<(string Step, TimeSpan Took)> SetUp { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var watch = Stopwatch.StartNew();
        var package = DeploymentPackage.AppRootAsync(); // the longest part: runs while the rest starts
        await Task.WhenAll(_cosmos.InitializeAsync().AsTask(), _azurite.InitializeAsync().AsTask());
        Database = _cosmos.Options("azure-mode-" + Guid.NewGuid().ToString("N")[..10]);
        Tickets = await CosmosConnection.EnsureTicketsContainerAsync(_cosmos.Client, Database, CancellationToken.None); // Bicep's part in Azure
        foreach (var container in new[] { "reports", "content" })
        {
            await _azurite.Service.GetBlobContainerClient(container).CreateIfNotExistsAsync(); // Bicep's part in Azure
        }

        Proxy = await HttpsProxy.StartAsync(Database.AccountEndpoint!);
        SetUp.Add(("stand-ins (Cosmos DB server, Azurite, Graph, webhook, proxy)", watch.Elapsed));

        watch.Restart();
        await SeedHistoryAsync();
        SetUp.Add(($"seeding the past through the API ({NovemberTickets} November tickets, 1 late ticket)", watch.Elapsed));

        watch.Restart();
        var appRoot = await package;
        SetUp.Add(("deployment package (infra/package.sh, waited for after the seeding)", watch.Elapsed));
        SetUp.Add(("  of which the whole package build", DeploymentPackage.BuildTime));

        watch.Restart();
        var driver = new TaskCompletionSource<HostDriver>(TaskCreationOptions.RunContinuationsAsynchronously);
        Graph.Validate = async (url, token) =>
        {
            // Graph validates the notification URL while the creation request is open: through the host, as in Azure.
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url.AbsolutePath + "?validationToken=" + Uri.EscapeDataString(token), UriKind.Relative));
            using var response = await (await driver.Task).SendAsync(request);
            return await response.Content.ReadAsStringAsync();
        };
        Driver = await HostDriver.StartAsync(appRoot, AppSettings(), InfraValues.MaxDeliveryCount(), Tickets);
        driver.SetResult(Driver);
        SetUp.Add(("handler start until the readiness probe answers", watch.Elapsed));
        await Driver.SkipChangeFeedAsync(); // the trigger's lease starts "now": the seeding's outbox is not replayed
    }

    public async ValueTask DisposeAsync()
    {
        if (Driver is not null)
        {
            await Driver.DisposeAsync();
        }

        if (_seeding is not null)
        {
            await _seeding.DisposeAsync();
        }

        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await Graph.DisposeAsync();
        Teams.Dispose();
        await _azurite.DisposeAsync();
        await _cosmos.DisposeAsync();
    }

    /// <summary>The app settings as in Azure (infra/app/function-app.bicep), pointed at the stand-ins.</summary>
    private Dictionary<string, string> AppSettings() => new(StringComparer.Ordinal)
    {
        ["CosmosDb__accountEndpoint"] = Proxy.Endpoint.ToString(),
        ["CosmosDb__accountKey"] = Database.AccountKey!,
        ["CosmosDb__databaseName"] = Database.DatabaseName,
        ["ReportStorage__connectionString"] = _azurite.ConnectionString,
        ["ReportStorage__containerName"] = "reports",
        ["Graph__TenantId"] = "84bd8158-6d4d-4958-8b9f-9d6445542f95",
        ["Graph__ClientId"] = "24d3b144-21ae-4080-943f-7067b395b913",
        ["Graph__ClientSecret"] = "azure-mode-client-secret",
        ["Graph__MailboxUserId"] = GraphStandIn.Mailbox,
        ["Graph__ClientState"] = ClientState,
        ["Graph__NotificationUrl"] = NotificationUrl,
        ["Graph__BaseUrl"] = Graph.BaseUrl.ToString(),
        ["Graph__AuthorityHost"] = Graph.AuthorityHost.ToString(),
        ["Teams__WebhookUrl"] = Teams.Address.ToString(),
        ["WEBSITE_AUTH_ENABLED"] = "true",
        ["Survey__SigningKey"] = "azure-mode-survey-signing-key-0123456789abcdef",
        ["Helpdesk__PublicBaseUrl"] = "https://helpdesk.example.gov.br",
        ["Helpdesk__SupportAddress"] = GraphStandIn.Mailbox,
        ["Helpdesk__DataDirectory"] = Path.Combine(_data, "instance"),
        ["Tickets__ReopenWindowDays"] = "7",
        ["Survey__LinkLifetimeDays"] = "30",
        ["RateLimiting__Intake__PermitLimit"] = "20",
        ["RateLimiting__Intake__WindowSeconds"] = "60",
        ["RateLimiting__Intake__TrustedProxyHops"] = "1",
        ["Finance__ContractId"] = "default",
        ["Finance__MonthlyInvoice"] = "contract",
        ["Attachments__MaxFileBytes"] = "36700160",
        ["Attachments__MaxMessageBytes"] = "36700160",
        ["Attachments__BlockedExtensions"] = ".exe,.com,.bat,.cmd,.scr,.pif,.msi,.msp,.dll,.cpl,.vbs,.vbe,.js,.jse,.wsf,.wsh,.ps1,.hta,.jar,.lnk,.reg",
    };

    /// <summary>The past the scenario needs, through the in-process instance with its clock set back: November tickets
    /// (resolved) for the closing, and a level-1 ticket opened a week ago and left open for the deadline sweep.</summary>
    private async Task SeedHistoryAsync()
    {
        var now = DateTimeOffset.UtcNow;
        Year = Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock.ProtocolYear(now);
        _clock = new FakeTimeProvider(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1).AddDays(9).AddHours(13)); // the 10th of last month, 10:00 in São Paulo
        _seeding = await CosmosHostedApp.StartAsync(Database, Path.Combine(_data, "seeding"), b => b.Services.AddSingleton<TimeProvider>(_clock));
        for (var i = 0; i < NovemberTickets; i++)
        {
            var protocol = await _seeding.OpenAsync(email: $"requerente{i}@ifsp.edu.br", subject: "Erro no sistema acadêmico");
            _clock.Advance(TimeSpan.FromMinutes(20));
            await _seeding.DoAsync(protocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
            await _seeding.DoAsync(protocol, "resolve", new { resolvedAtFirstContact = true, resolution = "Senha redefinida." }, "agent-l1", "ana.l1");
        }

        _clock.SetUtcNow(now.AddDays(-7));
        LateOpenedAt = _clock.GetUtcNow();
        LateProtocol = await _seeding.OpenAsync(email: "atrasado@ifrs.edu.br", subject: "Pedido esquecido");
        await _seeding.DoAsync(LateProtocol, "assign", new { assignee = "me" }, "agent-l1", "ana.l1");
        await _seeding.DoAsync(LateProtocol, "classify", new { category = "incident", priority = "high" }, "agent-l1", "ana.l1"); // its deadlines start here
    }

    /// <summary>Opens <see cref="BulkTickets"/> more tickets this year through the in-process instance's API (in
    /// parallel), then asks that instance, which reads the stand-in without the proxy, for the year's protocol
    /// continuity. Their outbox (acknowledgments to made-up requesters) is left behind by the driver, as history
    /// written before its lease. Returns that answer's status.</summary>
    public async Task<HttpStatusCode> SeedYearAsync()
    {
        _clock.SetUtcNow(DateTimeOffset.UtcNow);
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(Enumerable.Range(0, BulkTickets).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    using var response = await _seeding.Client.PostAsJsonAsync("/api/tickets", new { subject = "Volume " + i, description = "Chamado de volume.", requesterEmail = $"volume{i}@ifsp.edu.br", requesterName = "Volume", channel = "webForm" });
                    if (response.StatusCode != HttpStatusCode.Created)
                    {
                        throw new InvalidOperationException($"seeding ticket {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        await Driver.SkipChangeFeedAsync();
        using var continuity = await _seeding.Staff("auditor", "aud").GetAsync(new Uri($"/api/audit/protocols?year={Year}", UriKind.Relative));
        return continuity.StatusCode;
    }

    /// <summary>A protocol number quoted in a text (year and seven digits).</summary>
    public static string? QuotedProtocol(string text) => ProtocolPattern().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"\b20\d{2}\d{7}\b")]
    private static partial Regex ProtocolPattern();
}
