using System.Net;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;

namespace Helpdesk.Web.Tests.Public;

/// <summary>The public form is rate limited per client address (policy <c>anonymous-intake</c>).</summary>
public sealed class RequestFormRateLimitTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync(settings: new Dictionary<string, string?>
    {
        ["RateLimiting:Intake:PermitLimit"] = "2",
        ["RateLimiting:Intake:WindowSeconds"] = "3600",
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<Dictionary<string, string>> FreshFormAsync(FormPost form, string subject)
    {
        var html = await form.Client.GetStringAsync(new Uri("/api/app/request", UriKind.Relative));
        return new Dictionary<string, string>
        {
            ["Name"] = "Bot",
            ["Email"] = "bot@example.com.br",
            ["Subject"] = subject,
            ["Description"] = "Muitos pedidos.",
            ["SubmissionId"] = FormPost.Hidden(html, "SubmissionId"),
            ["__RequestVerificationToken"] = FormPost.Hidden(html, "__RequestVerificationToken"),
        };
    }

    [Fact]
    public async Task Past_the_limit_a_client_gets_429_in_portuguese_while_the_form_still_loads()
    {
        using var form = new FormPost(_app.BaseAddress);
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await form.PostAsync("/api/app/request", await FreshFormAsync(form, "Pedido " + i));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        using var rejected = await form.PostAsync("/api/app/request", await FreshFormAsync(form, "Pedido 3"));

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.True(rejected.Headers.RetryAfter is not null, "Retry-After is missing");
        Assert.Equal("text/html", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Muitas solicitações", await rejected.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // Reading the form is not counted: only attempts to open a ticket are.
        using var reread = await form.Client.GetAsync(new Uri("/api/app/request", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reread.StatusCode);
    }
}
