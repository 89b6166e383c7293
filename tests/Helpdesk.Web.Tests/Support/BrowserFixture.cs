using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Helpdesk.Web.Tests.Support.BrowserFixture))]

namespace Helpdesk.Web.Tests.Support;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's <c>chromium</c> package driven by Playwright's
/// driver (shipped inside the NuGet package). Playwright's own browser download cannot work on our machines, so the
/// executable is given explicitly. Playwright gives the browser a fresh temporary profile (--user-data-dir) itself and
/// refuses one in the arguments. Every test opens its own browser context (fresh cookies and storage).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Overridable for machines whose Chromium lives elsewhere.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("HELPDESK_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium not found at {ExecutablePath}: run ./test.sh (it installs the Debian package 'chromium').");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh context (cookies, storage) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(Uri baseAddress, IDictionary<string, string>? headers = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = "pt-BR",
            TimezoneId = "America/Sao_Paulo",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = headers,
        });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
