using System.Net;
using System.Net.Http.Json;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>The supervisor's dashboard: chart of tickets opened per day and channel, backlog by level.</summary>
public sealed class DashboardTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_supervisor_sees_the_chart_of_tickets_opened_per_day_and_channel_and_the_backlog()
    {
        for (var i = 0; i < 3; i++)
        {
            using var mail = await _app.PostEmailAsync(Emails.Plain($"dash-{i}@ifsp.edu.br"));
            Assert.Equal(HttpStatusCode.Created, mail.StatusCode);
        }

        using var api = await _app.Client.PostAsJsonAsync("/api/tickets", new { subject = "Pelo formulário", description = "x", requesterEmail = "ana@ifrs.edu.br", channel = "webForm" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);

        await using var context = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sofia.sup");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/dashboard");

        var chart = page.GetByTestId("grafico-abertos");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("rect")).ToHaveCountAsync(2);
        await Assertions.Expect(chart.Locator("rect title").First).ToContainTextAsync("E-mail: 3");
        await Assertions.Expect(chart.Locator("rect title").Nth(1)).ToContainTextAsync("Formulário web: 1");
        await Assertions.Expect(page.GetByRole(AriaRole.List, new() { Name = "Legenda" })).ToContainTextAsync("E-mail");
        await Assertions.Expect(page.GetByTestId("backlog-n1")).ToHaveTextAsync("4");
        await Assertions.Expect(page.GetByTestId("backlog-n2")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task A_level_one_agent_may_not_open_the_dashboard()
    {
        await using var context = await browser.SignedInAsync(_app.BaseAddress, "agent-l1", "ana.n1");
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/api/app/dashboard");

        Assert.Equal(403, response!.Status);
    }
}
