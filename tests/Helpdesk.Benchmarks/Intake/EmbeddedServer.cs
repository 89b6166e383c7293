using Helpdesk.FunctionApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Benchmarks.Intake;

/// <summary>The product on its embedded defaults, on a free loopback port with a fresh data folder and quiet logs;
/// disposing it stops the server and deletes the folder.</summary>
public sealed class EmbeddedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedServer(WebApplication app, string dataDirectory, Uri address)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Address = address;
    }

    public string DataDirectory { get; }

    public Uri Address { get; }

    /// <param name="name">A word for the data folder's name.</param>
    /// <param name="staffSignIn">Run in the Development environment so that loopback requests may sign staff in with the
    /// <c>X-Dev-Role</c>/<c>X-Dev-User</c> headers (ADR-004), as issue 21's API measurement did; telemetry stays off.</param>
    public static async Task<EmbeddedServer> StartAsync(string name, bool staffSignIn = false)
    {
        var data = Path.Combine(Path.GetTempPath(), $"helpdesk-bench-{name}-{Guid.NewGuid():N}");
        var app = HelpdeskApp.Build(staffSignIn ? ["--environment", "Development"] : [], builder =>
        {
            builder.Configuration["Helpdesk:Telemetry:Console"] = "false";
            builder.Configuration["urls"] = "http://127.0.0.1:0";
            builder.Configuration["Helpdesk:DataDirectory"] = data;
            builder.Configuration["Helpdesk:Runner:TimersEnabled"] = "false";
            builder.Configuration["Survey:SigningKey"] = "benchmark-only-survey-signing-key-0123456789"; // required outside Development
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["RateLimiting:Intake:PermitLimit"] = "100000000"; // measure the intake, not the abuse limiter
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new EmbeddedServer(app, data, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
