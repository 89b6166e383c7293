using System.Net.Http.Headers;
using Helpdesk.FunctionApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>
/// The real server on a free loopback port with its own temporary data folder, spoken to over real HTTP, as the
/// Functions host and mail systems do. <paramref name="asFunctionsHost"/> starts it the way the host would
/// (FUNCTIONS_CUSTOMHANDLER_PORT set: no embedded runner), so that tests can play the host's part.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private RunningApp(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string SentMailFolder => Path.Combine(DataDirectory, "mailbox", "sent");

    public string InboxFolder => Path.Combine(DataDirectory, "mailbox", "inbox");

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<RunningApp> StartAsync(bool asFunctionsHost = false, IDictionary<string, string?>? settings = null, string? dataDirectory = null, Action<WebApplicationBuilder>? configure = null)
    {
        var data = dataDirectory ?? Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var app = HelpdeskApp.Build([], builder =>
        {
            builder.Configuration["urls"] = "http://127.0.0.1:0";
            builder.Configuration["Helpdesk:DataDirectory"] = data;
            builder.Configuration["Helpdesk:Runner:TimersEnabled"] = "false";
            builder.Configuration["Helpdesk:Runner:FirstRetryDelay"] = "00:00:00.050";
            if (asFunctionsHost)
            {
                builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] = "0";
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.Configuration[key] = value;
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, data, new Uri(address));
    }

    public async Task<HttpResponseMessage> PostEmailAsync(string rawMessage)
    {
        using var content = new StringContent(rawMessage);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        return await Client.PostAsync(new Uri("/api/mailbox/messages", UriKind.Relative), content).ConfigureAwait(false);
    }

    /// <summary>Posts a JSON invocation payload to <c>/{function}</c> exactly as the Functions host does.</summary>
    public async Task<HttpResponseMessage> InvokeAsync(string function, string payloadJson)
    {
        using var content = new StringContent(payloadJson, System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/" + function, UriKind.Relative)) { Content = content };
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300");
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300");
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        return await Client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what}.");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a file may still be open for a moment after shutdown
        }
    }
}
