using System.Text.Json.Serialization;
using Helpdesk.Application.Escalation;
using Helpdesk.Application.Intake;
using Helpdesk.Application.Notifications;
using Helpdesk.Application.Outbox;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.FunctionApp.Api;
using Helpdesk.FunctionApp.Functions;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Invocation;
using Helpdesk.FunctionApp.LocalRunner;
using Helpdesk.FunctionApp.Web;
using Helpdesk.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.FunctionApp;

/// <summary>The composition root: one place that decides which adapters serve which ports.</summary>
public static class HelpdeskApp
{
    public const string DefaultUrl = "http://localhost:7071";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root = the handler's own folder: under the Functions host the working directory is the app root,
        // where host.json lives, while appsettings.json is published beside the executable.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var mode = HostingModes.Detect(builder.Configuration);
        if (mode == HostingMode.Embedded && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        builder.AddHelpdeskTelemetry(mode);
        AddServices(builder.Services, builder.Configuration, mode);
        builder.Services.AddAgentApi(builder.Configuration, builder.Environment, mode);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        services.TryAddSingleton(TimeProvider.System); // tests may register a fake clock first
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        services.Configure<IntakeOptions>(o =>
        {
            o.SupportAddress = configuration["Helpdesk:SupportAddress"] ?? o.SupportAddress;
            o.PublicBaseUrl = configuration["Helpdesk:PublicBaseUrl"] ?? o.PublicBaseUrl;
            o.AcknowledgmentsPerRecipientPerDay = configuration.GetValue("Intake:AcknowledgmentsPerRecipientPerDay", o.AcknowledgmentsPerRecipientPerDay);
        });
        services.Configure<LocalRunnerOptions>(configuration.GetSection("Helpdesk:Runner"));

        var dataDirectory = Path.GetFullPath(configuration["Helpdesk:DataDirectory"] is { Length: > 0 } d ? d : ".data");
        services.AddSingleton(new LocalMailboxPaths(dataDirectory));
        services.AddSingleton<InvocationKey>(); // the embedded runner's key for POST /{FunctionName}
        Adapters.Add(services, configuration, mode, dataDirectory); // every port, once, for the mode its settings choose (Hosting/)

        services.AddSingleton<TicketIntake>();
        services.Configure<Application.Attachments.AttachmentOptions>(configuration.GetSection("Attachments"));
        services.AddSingleton<Application.Attachments.AttachmentKeeper>();
        services.AddSingleton<Application.Attachments.AttachmentUploads>();
        services.AddSingleton<HeldMessageReview>();
        services.AddSingleton<SendRequesterMail>();
        services.Configure<Helpdesk.Application.Notifications.TeamsTabOptions>(configuration.GetSection("Teams"));
        services.AddSingleton<TicketCards>();
        services.AddSingleton<RouteEscalation>();
        services.AddSingleton<NotifyTeams>();
        services.AddSingleton<DeadlineSweep>();

        services.AddSingleton<IFunctionHandler, SendRequesterMailFunction>();
        services.AddSingleton<IFunctionHandler, ForwardOutboxFunction>();
        services.AddSingleton<IFunctionHandler, AvailabilityProbeFunction>();
        services.AddSingleton<IFunctionHandler, ProcessGraphNotificationFunction>();
        services.AddSingleton<IFunctionHandler, RenewGraphSubscriptionFunction>();
        services.AddSingleton<IFunctionHandler, AccountProtocolNumbersFunction>();
        services.AddSingleton<IFunctionHandler, RouteEscalationFunction>();
        services.AddSingleton<IFunctionHandler, NotifyTeamsFunction>();
        services.AddSingleton<IFunctionHandler, SweepDeadlinesFunction>();
        services.AddSingleton<IFunctionHandler, EraseExpiredPersonalDataFunction>(); // issue 19: retention (LGPD art. 16)
        services.AddSingleton<FunctionHandlers>(); // built when first needed (Invocation/FunctionHandlers.cs)
        services.AddFinance(configuration);

        services.AddWebFrontEnd(configuration, mode, dataDirectory);

        if (mode == HostingMode.FunctionsHost)
        {
            services.AddHostedService<StartupWarmUp>(); // what the first request needs, right after the server listens
        }

        if (mode == HostingMode.Embedded)
        {
            services.AddHttpClient(FunctionInvoker.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(2));
            services.AddSingleton<SelfAddress>();
            services.AddSingleton<FunctionInvoker>();
            services.AddSingleton<OutboxDispatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
            services.AddHostedService<TimerRunner>();
            services.AddSingleton<MailDropFolderWatcher>();
            services.AddHostedService(sp => sp.GetRequiredService<MailDropFolderWatcher>());
        }
    }

    private static void MapEndpoints(WebApplication app)
    {
        if (HostingModes.Detect(app.Configuration) == HostingMode.FunctionsHost)
        {
            // The Functions host proxies the platform's HTTPS requests to this loopback port over plain HTTP and names the
            // original scheme in X-Forwarded-Proto (YARP's default transforms; UNCONFIRMED on the live host). Trusted from
            // loopback only (the default known proxies). Without it, pages with anti-forgery forms fail: the anti-forgery
            // cookie is Secure-only under the host (Web/WebSetup.cs).
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
        }

        app.UseSecurityHeaders();

        // The Functions host's readiness probe: any HTTP answer means ready (FUNCTIONS-HOST.md §1). Answered before routing,
        // which builds its whole table on its first request (Hosting/ReadinessProbe.cs); so routing is placed here, explicitly.
        app.UseReadinessProbe();
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestGuards(); // dot segments, per-endpoint body limits (Hosting/RequestGuards.cs)

        app.UseAgentApi();
        app.MapTicketsEndpoints();
        app.MapMailboxEndpoints();
        app.MapHeldMessageEndpoints();
        app.MapHealthEndpoints();
        app.MapDeadLetterEndpoints();
        app.MapGroupEndpoints();
        app.MapExportEndpoints();
        app.MapImportEndpoints();
        app.MapJustificationEndpoints();
        app.MapGraphNotificationsEndpoints();
        app.MapInvocationEndpoints();
        app.MapWebFrontEnd();
    }
}
