using System.Net;
using System.Threading.RateLimiting;
using Helpdesk.Application.Audit;
using Helpdesk.Application.Catalogue;
using Helpdesk.Application.Identity;
using Helpdesk.Application.Institutions;
using Helpdesk.Application.Knowledge;
using Helpdesk.Application.Ports;
using Helpdesk.Application.Sla;
using Helpdesk.Application.Survey;
using Helpdesk.Application.Tickets;
using Helpdesk.Domain.Contracts;
using Helpdesk.FunctionApp.Api;
using Helpdesk.FunctionApp.Hosting;
using Helpdesk.FunctionApp.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.FunctionApp;

/// <summary>
/// The agents' side of the app, wired in two calls from <see cref="HelpdeskApp"/>: lifecycle use cases, catalogue,
/// knowledge base, institutions, survey, identity (development headers, App Service authentication), the
/// rate limit on anonymous ticket creation, the OpenAPI document, and their endpoints.
/// </summary>
public static partial class AgentApi
{
    public const string StaffPolicy = "staff";
    public const string AnonymousIntakePolicy = "anonymous-intake";
    public const string OpenApiPath = "/api/openapi.json";

    /// <summary>A survey key for the Development environment only (outside it, a missing key stops the app at start).</summary>
    internal const string DevelopmentSurveyKey = "development-only-survey-signing-key-not-for-production";

    public static void AddAgentApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.Configure<TicketOptions>(configuration.GetSection("Tickets"));
        services.Configure<SurveyOptions>(configuration.GetSection("Survey"));
        services.PostConfigure<SurveyOptions>(o =>
        {
            if (string.IsNullOrEmpty(o.SigningKey) && environment.IsDevelopment() && mode == HostingMode.Embedded)
            {
                o.SigningKey = DevelopmentSurveyKey;
            }
        });
        var surveyKey = configuration["Survey:SigningKey"];
        // Under the Functions host a real key is required whatever the environment's name: never the development key.
        if ((!environment.IsDevelopment() || mode == HostingMode.FunctionsHost) && (surveyKey is null || surveyKey.Length < SurveyOptions.MinKeyLength))
        {
            throw new StartupConfigurationException($"Set Survey__SigningKey (at least {SurveyOptions.MinKeyLength} characters): it signs the satisfaction-survey links.");
        }

        services.TryAddSingleton(_ => DefaultContract.Definition); // the one contract of this host (a test may register another first); read when first needed, not before the server listens
        services.AddSingleton(sp => new TicketClocks(sp.GetRequiredService<ContractDefinition>()));
        services.AddSingleton<SurveyLinks>();
        services.AddSingleton<SatisfactionSurvey>();
        services.AddSingleton<TicketActions>();
        services.AddSingleton<TicketListing>();
        services.AddSingleton<KnowledgeService>();
        services.AddSingleton<CatalogueService>();
        services.AddSingleton<Helpdesk.Application.Outbox.DeadLetterService>();
        services.AddSingleton<InstitutionService>();
        services.AddSingleton<AuditService>();
        services.AddSingleton<Helpdesk.Application.Privacy.DataSubjectRights>(); // issue 19: LGPD art. 18 and the retention timer

        AddIdentity(services, configuration, environment, mode);
        AddRateLimiting(services, configuration, mode);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Helpdesk API";
            document.Info.Description = "Agents' ticket API, knowledge base, catalogue, institutions and survey. Errors are RFC 9457 problem details (pt-BR).";
            return Task.CompletedTask;
        }));
    }

    /// <summary>Middleware (authentication, authorization, rate limiting) and the agents' endpoints.</summary>
    public static void UseAgentApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        // Built on the first request, not before the server listens: its policy cache enumerates every endpoint (Hosting/BuiltOnFirstRequest.cs).
        app.UseBuiltOnFirstRequest(b => b.UseAuthorization());
        ((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true; // what UseAuthorization marks (on the branch's copy here): WebApplication must not add another
        app.UseRateLimiter();
        app.MapOpenApi(OpenApiPath).AllowAnonymous();
        app.MapAgentTicketsEndpoints();
        app.MapKnowledgeEndpoints();
        app.MapCatalogueEndpoints();
        app.MapInstitutionEndpoints();
        app.MapSurveyEndpoints();
        app.MapMeEndpoints();
        app.MapAuditEndpoints();
        TeamsSessions.Map(app);
        app.MapRequesterEndpoints(); // issue 19: data subjects' rights (dpo, admin)
        app.MapAttachmentEndpoints();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Helpdesk.Identity");
        var auth = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<HelpdeskAuthenticationOptions>>().Get(HelpdeskAuthenticationHandler.SchemeName);
        LogSignIn(log, auth.DevelopmentSignInEnabled, auth.EasyAuthEnabled);
    }

    /// <summary>The development sign-in is possible only in the Development environment and never under the Functions
    /// host; App Service authentication's header is trusted only under the Functions host with WEBSITE_AUTH_ENABLED
    /// (set by the platform when authentication is on, and only then does the platform strip the header from clients).</summary>
    internal static (bool DevelopmentSignIn, bool EasyAuth) IdentitySources(IConfiguration configuration, IHostEnvironment environment, HostingMode mode) =>
        (environment.IsDevelopment() && mode == HostingMode.Embedded,
         mode == HostingMode.FunctionsHost && string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase));

    private static void AddIdentity(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, HostingMode mode)
    {
        // Bearer tokens are validated by App Service authentication in front of the app (it accepts
        // "Authorization: Bearer" for the allowed audiences and forwards the principal like a browser session's):
        // one sign-in path in Azure, nothing to misconfigure here (docs/decisions/ADR-005-identity-and-roles.md).
        var (dev, easyAuth) = IdentitySources(configuration, environment, mode);
        services.AddSingleton<DevelopmentSignIn>();
        var teams = TeamsSignInOptions.Read(configuration);
        services.AddSingleton(sp => new TeamsSessions(teams, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SurveyOptions>>(), sp.GetRequiredService<TimeProvider>()));
        var authentication = services.AddAuthentication(HelpdeskAuthenticationHandler.SchemeName)
            .AddScheme<HelpdeskAuthenticationOptions, HelpdeskAuthenticationHandler>(HelpdeskAuthenticationHandler.SchemeName, o =>
            {
                o.DevelopmentSignInEnabled = dev;
                o.EasyAuthEnabled = easyAuth;
            });
        if (teams is not null)
        {
            // The Teams tab's single sign-on: the token Teams gives the tab is validated here, once, and exchanged for
            // the tab's session cookie (Identity/TeamsSignIn.cs, issue 22).
            TeamsSessions.AddScheme(authentication, teams);
        }
        services.AddAuthorizationBuilder().AddPolicy(StaffPolicy, p => p
            .RequireAuthenticatedUser()
            .RequireAssertion(context => Agents.Current(context.User) is { } agent && agent.CanReadTickets));
    }

    private static void AddRateLimiting(IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        var permits = configuration.GetValue("RateLimiting:Intake:PermitLimit", 20);
        var window = TimeSpan.FromSeconds(configuration.GetValue("RateLimiting:Intake:WindowSeconds", 60));
        var hops = configuration.GetValue("RateLimiting:Intake:TrustedProxyHops", 1);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AnonymousIntakePolicy, context =>
                // Staff: a signed-in principal with a role of ours; a principal without one is limited like anyone.
                Agents.Current(context.User) is { CanReadTickets: true } || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("staff-or-read")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context, mode, hops), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = window,
                        QueueLimit = 0,
                    }));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : (int)window.TotalSeconds;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (Web.WebRoutes.IsWebPath(rejected.HttpContext.Request.Path))
                {
                    // The public form: a page, not JSON.
                    rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    rejected.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await rejected.HttpContext.Response.WriteAsync(
                        Web.ErrorPage.Render("Muitas solicitações", $"Muitos chamados abertos a partir do seu endereço. Tente de novo em {seconds} segundos."),
                        cancellationToken).ConfigureAwait(false);
                    return;
                }

                await Problems.TooManyRequests($"Muitos chamados abertos a partir do seu endereço. Tente de novo em {seconds} segundos.")
                    .ExecuteAsync(rejected.HttpContext).ConfigureAwait(false);
            };
        });
    }

    /// <summary>The caller's address for rate limiting. Under the Functions host every request comes from the host on
    /// loopback; the client is the X-Forwarded-For entry that the platform's front end appended, <paramref name="trustedHops"/>
    /// from the end (setting <c>RateLimiting__Intake__TrustedProxyHops</c>, 1: the last entry). Entries before it are
    /// whatever the client sent and are never used, and an entry that is not an IP address (with or without a port) is
    /// not a key: such requests share the connection's (the host's) bucket, so that made-up values cannot mint fresh
    /// limits. Locally, the connection's address.</summary>
    internal static string ClientAddress(HttpContext context, HostingMode mode, int trustedHops = 1)
    {
        if (mode == HostingMode.FunctionsHost && trustedHops > 0)
        {
            var entries = context.Request.Headers["X-Forwarded-For"]
                .SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .ToList();
            if (entries.Count >= trustedHops)
            {
                if (IPEndPoint.TryParse(entries[^trustedHops], out var client)) // "203.0.113.7", "203.0.113.7:50123", "[2001:db8::7]:443"
                {
                    return client.Address.ToString();
                }
            }
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff sign-in sources: development headers {DevelopmentSignIn}, App Service authentication {EasyAuth}")]
    private static partial void LogSignIn(ILogger logger, bool developmentSignIn, bool easyAuth);
}
