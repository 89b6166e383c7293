using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Helpdesk.Application;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Helpdesk.FunctionApp.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs: exported to Azure Monitor (Application Insights) when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, to the console when <c>Helpdesk:Telemetry:Console</c> is true
/// (the default of a local run in the Development environment), nowhere otherwise.
/// </summary>
public static class Telemetry
{
    public const string AppInsightsSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static void AddHelpdeskTelemetry(this WebApplicationBuilder builder, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var appInsights = builder.Configuration[AppInsightsSetting];
        var console = builder.Configuration.GetValue("Helpdesk:Telemetry:Console", mode == HostingMode.Embedded && builder.Environment.IsDevelopment());
        if (string.IsNullOrEmpty(appInsights) && !console)
        {
            return;
        }

        // Application Insights accepts only Entra-authenticated telemetry (local auth is off in infra/): the app's
        // managed identity signs it. AZURE_CLIENT_ID names the user-assigned identity.
        TokenCredential credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = builder.Configuration["AZURE_CLIENT_ID"] });
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("helpdesk", serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithTracing(t =>
            {
                t.AddSource(HelpdeskMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                t.AddProcessor(new TelemetryRedaction()); // before the exporters: survey tokens never leave the process
                if (!string.IsNullOrEmpty(appInsights))
                {
                    t.AddAzureMonitorTraceExporter(o =>
                    {
                        o.ConnectionString = appInsights;
                        o.Credential = credential;
                    });
                }

                if (console)
                {
                    t.AddConsoleExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddMeter(HelpdeskMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrEmpty(appInsights))
                {
                    m.AddAzureMonitorMetricExporter(o =>
                    {
                        o.ConnectionString = appInsights;
                        o.Credential = credential;
                    });
                }

                if (console)
                {
                    m.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000);
                }
            });
        if (!string.IsNullOrEmpty(appInsights))
        {
            builder.Logging.AddOpenTelemetry(l => l.AddAzureMonitorLogExporter(o =>
                    {
                        o.ConnectionString = appInsights;
                        o.Credential = credential;
                    }));
        }

        _ = otel;
    }
}
