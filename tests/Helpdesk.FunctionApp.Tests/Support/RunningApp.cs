using System.Net.Http.Headers;
using Helpdesk.FunctionApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.FunctionApp.Tests.Support;

/// <summary>
/// The real server on a free loopback port with its own temporary data folder, spoken to over real HTTP, as the
/// Functions host and mail systems do. <c>asFunctionsHost</c> starts it the way the host would
/// (FUNCTIONS_CUSTOMHANDLER_PORT set: no embedded runner), so that tests can play the host's part.
/// </summary>
public sealed class RunningApp : IAsyncDisposable
{
    private RunningApp(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        App = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        // A request that says "Expect: 100-continue" waits for the server's verdict before uploading, however loaded the
        // machine is (the default 1 s wait made the 413 test race the upload and read a broken pipe under load).
        Client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public WebApplication App { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client with no identity (requesters, mail systems, the public form).</summary>
    public HttpClient Client { get; }

    private readonly Dictionary<string, HttpClient> _staff = new(StringComparer.Ordinal);

    /// <summary>Staff sign in as App Service authentication forwards them (<c>X-MS-CLIENT-PRINCIPAL</c>): set when the app
    /// runs under the Functions host with <c>WEBSITE_AUTH_ENABLED</c>, where the development headers are ignored.</summary>
    public bool AppServiceAuthentication { get; private init; }

    /// <summary>A client signed in with the development headers (works only in the Development environment, embedded mode),
    /// or with App Service authentication's principal header when <see cref="AppServiceAuthentication"/> is set.</summary>
    public HttpClient Staff(string role = "supervisor", string? user = null)
    {
        var key = role + "|" + user;
        lock (_staff)
        {
            if (!_staff.TryGetValue(key, out var client))
            {
                client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                if (AppServiceAuthentication)
                {
                    client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", AppServicePrincipal(user ?? role + ".user", role));
                }
                else
                {
                    client.DefaultRequestHeaders.Add("X-Dev-Role", role);
                }

                if (user is not null && !AppServiceAuthentication)
                {
                    client.DefaultRequestHeaders.Add("X-Dev-User", user);
                }

                _staff[key] = client;
            }

            return client;
        }
    }

    public string SentMailFolder => Path.Combine(DataDirectory, "mailbox", "sent");

    public string InboxFolder => Path.Combine(DataDirectory, "mailbox", "inbox");

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Starts the app in the <paramref name="environment"/> environment (Development unless a test says otherwise, as
    /// <c>dotnet run</c> does through launchSettings.json).</summary>
    public static async Task<RunningApp> StartAsync(bool asFunctionsHost = false, IDictionary<string, string?>? settings = null, string? dataDirectory = null, string environment = "Development", Action<WebApplicationBuilder>? configure = null)
    {
        var data = dataDirectory ?? Path.Combine(Path.GetTempPath(), "helpdesk-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var app = HelpdeskApp.Build(["--environment", environment], builder =>
        {
            // Tests open many tickets from one address; the rate-limit tests set their own limit.
            builder.Configuration["RateLimiting:Intake:PermitLimit"] = "100000";
            builder.Configuration["urls"] = "http://127.0.0.1:0";
            builder.Configuration["Helpdesk:DataDirectory"] = data;
            builder.Configuration["Helpdesk:Runner:TimersEnabled"] = "false";
            builder.Configuration["Helpdesk:Runner:FirstRetryDelay"] = "00:00:00.050";
            if (asFunctionsHost)
            {
                builder.Configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] = "0";
                // Under the host a real survey key is required whatever the environment (a test may set its own).
                builder.Configuration["Survey:SigningKey"] = "test-survey-signing-key-for-the-hosted-app-0123456789";
            }

            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.Configuration[key] = value;
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, data, new Uri(address))
        {
            AppServiceAuthentication = asFunctionsHost && settings is not null && settings.TryGetValue("WEBSITE_AUTH_ENABLED", out var auth) && string.Equals(auth, "true", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The principal App Service authentication forwards (base64 JSON of the token's claims).</summary>
    public static string AppServicePrincipal(string userId, params string[] roles)
    {
        var claims = new List<object> { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = userId }, new { typ = "name", val = "Fulana" } };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims })));
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
        // Embedded mode: the runner's per-process key, as the embedded runner sends it (the host sends none).
        request.Headers.Add(Helpdesk.FunctionApp.Invocation.InvocationKey.Header, Service<Helpdesk.FunctionApp.Invocation.InvocationKey>().Value);
        return await Client.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Posts the host's documented timer payload for <paramref name="function"/> at <paramref name="now"/>;
    /// fails unless it answers 200; returns the invocation's log lines.</summary>
    public async Task<string> InvokeTimerAsync(string function, DateTimeOffset now)
    {
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["Data"] = new System.Text.Json.Nodes.JsonObject { ["timer"] = new System.Text.Json.Nodes.JsonObject { ["Schedule"] = new System.Text.Json.Nodes.JsonObject { ["AdjustForDST"] = true }, ["IsPastDue"] = false } },
            ["Metadata"] = new System.Text.Json.Nodes.JsonObject { ["sys"] = new System.Text.Json.Nodes.JsonObject { ["MethodName"] = function, ["UtcNow"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture) } },
        };
        using var response = await InvokeAsync(function, payload.ToJsonString()).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        Xunit.Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body);
        return string.Join("\n", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
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
        foreach (var client in _staff.Values)
        {
            client.Dispose();
        }

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
