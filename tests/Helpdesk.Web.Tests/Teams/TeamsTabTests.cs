using System.Net;
using System.Text.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Helpdesk.Web.Tests.Support;

namespace Helpdesk.Web.Tests.Teams;

/// <summary>
/// Issue 22, in Chromium, as a Teams client shows the tab: a stubbed Teams host page at https://teams.microsoft.com
/// frames the tab page of the app at https://helpdesk.test (another site: the browser resolves both names to loopback
/// servers, the app behind an https proxy). The host answers the Teams JavaScript library's messages (initialize,
/// getContext, authentication.getAuthToken with a token signed by the test tenant's key). The tab signs in by itself,
/// with no sign-in page, through the partitioned session cookie, and reaches the queue; a card's deep link (the protocol
/// as sub-page) opens that ticket. Outside Teams, with JavaScript off, the tab page is a link to the queue.
/// </summary>
public sealed class TeamsTabTests : IAsyncLifetime
{
    private const string HostName = "teams.microsoft.com";
    private const string AppHost = "helpdesk.test";
    private OpenIdStandIn _tenant = null!;
    private RunningApp _app = null!;
    private HttpsProxy _proxy = null!;
    private WebApplication _teams = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _token = "";

    public async ValueTask InitializeAsync()
    {
        _tenant = await OpenIdStandIn.StartAsync();
        var settings = _tenant.Settings();
        settings["WEBSITE_AUTH_ENABLED"] = "true"; // as in Azure: no development sign-in
        _app = await RunningApp.StartAsync(asFunctionsHost: true, settings: settings);
        _proxy = await HttpsProxy.StartAsync(_app.BaseAddress);
        _teams = await StartTeamsHostAsync();
        var teamsPort = new Uri(_teams.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                // Both sites on loopback; every other name resolves nowhere (the library's CDN list falls back to its own).
                $"--host-resolver-rules=MAP {HostName} 127.0.0.1:{teamsPort}, MAP {AppHost} 127.0.0.1:{_proxy.Endpoint.Port}, MAP * ~NOTFOUND",
                "--ignore-certificate-errors",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _teams.DisposeAsync();
        await _proxy.DisposeAsync();
        await _app.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    /// <summary>The Teams client's part, as the library's wire protocol expects it (postMessage, request id echoed).</summary>
    private async Task<WebApplication> StartTeamsHostAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var certificate = HttpsProxy.SelfSignedCertificate();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) =>
        {
            var sub = context.Request.Query["sub"].ToString();
            var tab = context.Request.Query["tab"].ToString() is { Length: > 0 } t ? t : "/api/app/teams";
            var html = $$"""
                <!DOCTYPE html>
                <html lang="pt-BR"><head><meta charset="utf-8"><title>Microsoft Teams (stub)</title></head>
                <body>
                <h1>Teams</h1>
                <iframe id="tab" title="Atendimento" src="https://{{AppHost}}{{tab}}" style="width:1200px;height:800px"></iframe>
                <script>
                window.hostCalls = [];
                const token = {{JsonSerializer.Serialize(_token)}};
                const sub = {{JsonSerializer.Serialize(sub)}};
                window.addEventListener("message", function (e) {
                  const frame = document.getElementById("tab").contentWindow;
                  if (e.source !== frame || !e.data || typeof e.data.id !== "number") { return; }
                  const m = e.data;
                  window.hostCalls.push(m.func);
                  let args = [];
                  if (m.func === "initialize") {
                    args = ["content", "web", JSON.stringify({ apiVersion: 4, supports: { pages: { tabs: {}, config: {} }, teamsCore: {} } }), "2.58.0"];
                  } else if (m.func === "getContext") {
                    args = [{ entityId: "fila", subEntityId: sub, locale: "pt-br", hostClientType: "web", frameContext: "content", tid: "{{OpenIdStandIn.TenantId}}" }];
                  } else if (m.func === "authentication.getAuthToken") {
                    args = [true, token];
                  }
                  frame.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args: args }, e.origin);
                });
                </script>
                </body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        });
        await app.StartAsync();
        return app;
    }

    private async Task<IFrame> OpenTabAsync(IPage page, string query = "")
    {
        await page.GotoAsync($"https://{HostName}/{query}");
        var frame = page.Frames.FirstOrDefault(f => f != page.MainFrame);
        for (var i = 0; frame is null && i < 100; i++)
        {
            await Task.Delay(100);
            frame = page.Frames.FirstOrDefault(f => f != page.MainFrame);
        }

        return frame ?? throw new InvalidOperationException("the tab frame did not load");
    }

    [Fact]
    public async Task Inside_teams_the_tab_signs_in_by_itself_and_reaches_the_queue()
    {
        _token = _tenant.Token(roles: ["agent-l1"], name: "Ana Atendente");
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, Locale = "pt-BR" });
        var page = await context.NewPageAsync();

        var tab = await OpenTabAsync(page);

        var frame = page.FrameLocator("#tab");
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Minha fila", new() { Timeout = 30_000 });
        Assert.Equal($"https://{AppHost}/api/app/tickets", tab.Url.Split('?')[0]);
        Assert.Contains("authentication.getAuthToken", await page.EvaluateAsync<string[]>("window.hostCalls"));
        var cookie = Assert.Single(await context.CookiesAsync([$"https://{AppHost}/api/app"]), c => c.Name == "helpdesk.teams");
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.None, cookie.SameSite);
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task A_deep_link_from_a_card_opens_its_ticket_in_the_tab()
    {
        var protocol = await _app.OpenAsync(subject: "Impressora sem rede");
        _token = _tenant.Token(roles: ["supervisor"], name: "Sara Supervisora");
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, Locale = "pt-BR" });
        var page = await context.NewPageAsync();

        await OpenTabAsync(page, "?sub=" + protocol);

        var frame = page.FrameLocator("#tab");
        await Assertions.Expect(frame.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Chamado {protocol}: Impressora sem rede", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_token_the_app_refuses_leaves_the_tab_on_its_message_and_link_not_on_a_sign_in_page()
    {
        _token = _tenant.Token(audience: "api://elsewhere.example/" + OpenIdStandIn.ClientId);
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, Locale = "pt-BR" });
        var page = await context.NewPageAsync();

        await OpenTabAsync(page);

        var frame = page.FrameLocator("#tab");
        await Assertions.Expect(frame.GetByTestId("teams-status")).ToHaveTextAsync("O Teams não confirmou a sua conta. Feche e abra a aba de novo.", new() { Timeout = 30_000 });
        await Assertions.Expect(frame.GetByRole(AriaRole.Link, new() { Name = "Abrir os chamados" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Outside_teams_with_javascript_off_the_tab_page_is_a_link_to_the_queue()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { IgnoreHTTPSErrors = true, JavaScriptEnabled = false, Locale = "pt-BR" });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"https://{AppHost}/api/app/teams?next=%2Fapi%2Fapp%2Fdashboard");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Abrir os chamados" });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "/api/app/dashboard");
        await link.ClickAsync();
        // The queue signs in as always (App Service authentication's page, which the test has not got): not the tab's.
        Assert.StartsWith($"https://{AppHost}/.auth/login/aad", page.Url, StringComparison.Ordinal);
    }
}
