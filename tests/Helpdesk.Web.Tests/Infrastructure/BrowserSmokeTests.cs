using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;

namespace Helpdesk.Web.Tests.Infrastructure;

/// <summary>The browser harness itself works: Debian's Chromium, driven offline by Playwright, reaches the real server.</summary>
public sealed class BrowserSmokeTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Chromium_loads_a_page_of_the_running_server()
    {
        await using var context = await browser.NewContextAsync(_app.BaseAddress);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/api/health");

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Contains("\"status\":\"ok\"", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
