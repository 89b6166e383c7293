using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Support;

/// <summary>Browser contexts signed in with the development identity (X-Dev-Role / X-Dev-User on every request,
/// frames included), as the app accepts in the Development environment.</summary>
public static class Staff
{
    public static Task<IBrowserContext> SignedInAsync(this BrowserFixture browser, Uri baseAddress, string role, string user) =>
        browser.NewContextAsync(baseAddress, new Dictionary<string, string> { ["X-Dev-Role"] = role, ["X-Dev-User"] = user });
}
