using System.Net;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.FunctionApp.Web;
using Helpdesk.Web.Tests.Support;

namespace Helpdesk.Web.Tests.Public;

/// <summary>The UF on the web pages, posted as a browser would (form fields, cookies, anti-forgery): the public form's
/// optional UF, and the agent's correction on the ticket page.</summary>
public sealed class RequestFormUfTests : IAsyncLifetime
{
    private RunningApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<Dictionary<string, string>> FormAsync(FormPost form, string? uf)
    {
        var html = await form.Client.GetStringAsync(new Uri(WebRoutes.RequestForm, UriKind.Relative), Ct);
        Assert.Contains("<option value=\"SC\"", html, StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Ana Lima",
            ["Email"] = "ana@ifrs.edu.br",
            ["Subject"] = "Sem acesso",
            ["Description"] = "O sistema mostra erro 500.",
            ["SubmissionId"] = FormPost.Hidden(html, "SubmissionId"),
            ["__RequestVerificationToken"] = FormPost.Hidden(html, "__RequestVerificationToken"),
        };
        if (uf is not null)
        {
            fields["Uf"] = uf;
        }

        return fields;
    }

    [Fact]
    public async Task The_public_forms_uf_wins_over_the_institutions_a_blank_one_keeps_it_and_a_bad_one_is_shown_beside_the_field()
    {
        using var form = new FormPost(_app.BaseAddress);

        using var chosen = await form.PostAsync(WebRoutes.RequestForm, await FormAsync(form, "sc"));
        using var blank = await form.PostAsync(WebRoutes.RequestForm, await FormAsync(form, ""));
        using var bad = await form.PostAsync(WebRoutes.RequestForm, await FormAsync(form, "XX"));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, blank.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Escolha a UF (estado) na lista.", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var page = await _app.ListAsync("");
        var ufs = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("uf").GetString()).ToList();
        Assert.Equal(["RS", "SC"], ufs); // newest first: the blank one took the institution's (ifrs.edu.br → RS)
    }

    [Fact]
    public async Task An_agent_corrects_the_uf_on_the_ticket_page_and_the_timeline_shows_the_change()
    {
        var protocol = await _app.OpenAsync(email: "ana@ifrs.edu.br");
        using var agent = new FormPost(_app.BaseAddress);
        agent.Client.DefaultRequestHeaders.Add("X-Dev-Role", "agent-l1");
        agent.Client.DefaultRequestHeaders.Add("X-Dev-User", "ana.l1");
        var html = await agent.Client.GetStringAsync(new Uri(WebRoutes.Ticket(protocol), UriKind.Relative), Ct);
        Assert.Contains("data-testid=\"uf\">RS<", html, StringComparison.Ordinal);

        using var saved = await agent.PostAsync(WebRoutes.Ticket(protocol) + "?handler=uf", new Dictionary<string, string>
        {
            ["Version"] = FormPost.Hidden(html, "Version"),
            ["Uf"] = "BA",
            ["__RequestVerificationToken"] = FormPost.Hidden(html, "__RequestVerificationToken"),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await agent.Client.GetStringAsync(new Uri(WebRoutes.Ticket(protocol), UriKind.Relative), Ct);
        Assert.Contains("data-testid=\"uf\">BA<", after, StringComparison.Ordinal);
        Assert.Contains("UF alterada: RS → BA", after, StringComparison.Ordinal);
        var (ticket, _) = await _app.ReadAsync(protocol);
        Assert.Equal("BA", ticket.GetProperty("uf").GetString());
    }
}
