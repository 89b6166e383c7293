using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Agents;

/// <summary>In Chromium (issue 18): a supervisor sees today's held messages on the dashboard, opens the "Mensagens
/// retidas" page, opens a ticket from one for a corrected address and discards another with a reason; other roles are
/// refused.</summary>
public sealed class HeldMessagesPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_supervisor_opens_a_ticket_from_one_held_message_and_discards_another()
    {
        using (var form = await _app.PostEmailAsync(Emails.Plain("form-1@portal.gov.br", from: "Portal <noreply@portal.gov.br>", subject: "Fale conosco: sem acesso", body: "Nome: Joana. E-mail: joana@ifsp.edu.br. Sem acesso ao SUAP.")))
        using (var news = await _app.PostEmailAsync(Emails.Plain("news-1@news.gov.br", from: "Boletim <boletim@news.gov.br>", subject: "Boletim semanal", extraHeaders: "Precedence: bulk\r\n")))
        {
            Assert.Equal(System.Net.HttpStatusCode.Accepted, form.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, news.StatusCode);
        }

        await using var context = await browser.SignedInAsync(_app.BaseAddress, "supervisor", "sara");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/dashboard");
        await Assertions.Expect(page.GetByTestId("held-today")).ToHaveTextAsync("2");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ver as mensagens retidas" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mensagens retidas");
        await Assertions.Expect(page.GetByTestId("held-message")).ToHaveCountAsync(2);
        var form1 = page.GetByTestId("held-message").Filter(new() { HasText = "Fale conosco: sem acesso" });
        await Assertions.Expect(form1.GetByTestId("held-reason")).ToHaveTextAsync("Remetente automático (noreply, mailer-daemon)");
        await Assertions.Expect(form1.GetByLabel("E-mail do solicitante")).ToHaveValueAsync(string.Empty); // a robot's address is never offered
        await form1.GetByLabel("E-mail do solicitante").FillAsync("joana@ifsp.edu.br");
        await form1.GetByRole(AriaRole.Button, new() { Name = "Abrir chamado" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Chamado \d{11} aberto"));
        await Assertions.Expect(page.GetByTestId("held-message")).ToHaveCountAsync(1);
        var news1 = page.GetByTestId("held-message");
        await Assertions.Expect(news1.GetByTestId("held-reason")).ToHaveTextAsync("Mensagem em massa (bulk)");
        await news1.GetByLabel("Motivo do descarte").FillAsync("Boletim informativo, sem pedido.");
        await news1.GetByRole(AriaRole.Button, new() { Name = "Descartar" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mensagem descartada");
        await Assertions.Expect(page.GetByTestId("sem-retidas")).ToBeVisibleAsync();
        var tickets = TicketApi.Protocols(await _app.ListAsync(string.Empty));
        var (ticket, _) = await _app.ReadAsync(Assert.Single(tickets));
        Assert.Equal("joana@ifsp.edu.br", ticket.GetProperty("requesterEmail").GetString());
    }

    [Fact]
    public async Task Agents_are_refused_the_page()
    {
        using (await _app.PostEmailAsync(Emails.Plain("refused-1@portal.gov.br", from: "noreply@portal.gov.br", subject: "Aviso interno")))
        {
        }

        await using var agent = await browser.SignedInAsync(_app.BaseAddress, "agent-l2", "bruno.n2");
        var page = await agent.NewPageAsync();
        var response = await page.GotoAsync("/api/app/held-messages");

        Assert.Equal(403, response!.Status);
        Assert.DoesNotContain("Aviso interno", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
