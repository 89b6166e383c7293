using System.Net;
using Helpdesk.FunctionApp.Tests.Support;

namespace Helpdesk.FunctionApp.Tests.Web;

/// <summary>The ticket page shows the time left on the contract's business calendar, not wall-clock time.</summary>
public sealed class TicketPageClockTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_classified_ticket_shows_remaining_business_time_for_resolution_and_first_response()
    {
        var protocol = await _app.OpenAsync();
        await _app.DoAsync(protocol, "classify", new { category = "incident", priority = "high" }, "agent-l1", "ana.l1");

        using var page = await _app.Staff("agent-l1", "ana.l1").GetAsync(new Uri("/api/app/tickets/" + protocol, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var remaining = html[html.IndexOf("data-testid=\"restante\"", StringComparison.Ordinal)..];
        remaining = remaining[(remaining.IndexOf('>') + 1)..remaining.IndexOf("</dd>", StringComparison.Ordinal)];
        Assert.Matches(@"^(\d+ h \d\d min úteis|\d+ dias úteis|1 dia útil|\d+ h \d\d min)$", System.Net.WebUtility.HtmlDecode(remaining));
        Assert.Contains("Primeira resposta", html, StringComparison.Ordinal);
    }
}
