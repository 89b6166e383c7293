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

    public static async Task<EmbeddedServer> StartAsync(string name)
    {
        var data = Path.Combine(Path.GetTempPath(), $"helpdesk-bench-{name}-{Guid.NewGuid():N}");
        var app = HelpdeskApp.Build([], builder =>
        {
            builder.Configuration["urls"] = "http://127.0.0.1:0";
            builder.Configuration["Helpdesk:DataDirectory"] = data;
            builder.Configuration["Helpdesk:Runner:TimersEnabled"] = "false";
            builder.Configuration["Survey:SigningKey"] = "benchmark-only-survey-signing-key-0123456789"; // required outside Development
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
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
