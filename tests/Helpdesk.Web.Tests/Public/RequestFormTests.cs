using System.Net;
using Helpdesk.Application.Ports;
using Helpdesk.Domain.Tickets;
using Helpdesk.FunctionApp.Tests.Support;
using Helpdesk.Web.Tests.Support;
using Microsoft.Playwright;

namespace Helpdesk.Web.Tests.Public;

/// <summary>The public request form, driven in Chromium as a requester would use it.</summary>
public sealed class RequestFormTests(BrowserFixture browser) : IAsyncLifetime
{
    private RunningApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await RunningApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_requester_opens_a_ticket_and_sees_its_protocol()
    {
        await using var context = await browser.NewContextAsync(_app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/request");

        await page.GetByLabel("Nome completo").FillAsync("Ana Lima");
        await page.GetByLabel("E-mail institucional").FillAsync("ana.lima@ifrs.edu.br");
        await page.GetByLabel("Assunto").FillAsync("Sem acesso ao SUAP");
        await page.GetByLabel("Descrição").FillAsync("Desde hoje cedo o SUAP recusa minha senha.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitação" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chamado registrado" })).ToBeVisibleAsync();
        var protocol = (await page.GetByTestId("protocolo").InnerTextAsync()).Trim();
        Assert.True(ProtocolNumber.TryParse(protocol, out var number), $"'{protocol}' is not a protocol number");

        var ticket = await _app.Service<ITicketStore>().FindByProtocolAsync(number, TestContext.Current.CancellationToken);
        Assert.NotNull(ticket);
        Assert.Equal("Sem acesso ao SUAP", ticket.Subject);
        Assert.Equal(Channel.WebForm, ticket.Channel);
        Assert.Equal("Ana Lima", ticket.RequesterName);
        Assert.Equal("Desde hoje cedo o SUAP recusa minha senha.", ticket.Messages[0].Text);
    }

    [Fact]
    public async Task Field_errors_are_announced_tied_to_their_fields_and_focus_the_first_one()
    {
        await using var context = await browser.NewContextAsync(_app.BaseAddress);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/request");

        await page.GetByLabel("Nome completo").FillAsync("Ana Lima");
        await page.GetByLabel("E-mail institucional").FillAsync("ana.lima-arroba-ifrs");
        await page.GetByLabel("Descrição").FillAsync("Texto que não pode se perder.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitação" }).ClickAsync();

        // The summary is an alert listing each problem, linked to its field.
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Informe um e-mail válido");
        await Assertions.Expect(summary).ToContainTextAsync("Informe o assunto.");

        // Each invalid field says so and is described by its error message (and its hint).
        var email = page.GetByLabel("E-mail institucional");
        await Assertions.Expect(email).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(email).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Informe um e-mail válido"));
        var subject = page.GetByLabel("Assunto");
        await Assertions.Expect(subject).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(subject).ToHaveAccessibleDescriptionAsync("Informe o assunto.");
        await Assertions.Expect(page.GetByLabel("Nome completo")).Not.ToHaveAttributeAsync("aria-invalid", "true");

        // Focus lands on the first invalid field, without any script of ours (autofocus).
        await Assertions.Expect(email).ToBeFocusedAsync();

        // Nothing typed is lost, and nothing was registered.
        await Assertions.Expect(page.GetByLabel("Descrição")).ToHaveValueAsync("Texto que não pode se perder.");
        await Assertions.Expect(email).ToHaveValueAsync("ana.lima-arroba-ifrs");
        Assert.Null(await _app.Service<ITicketStore>().FindByProtocolAsync(ProtocolNumber.Create(Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock.ProtocolYear(DateTimeOffset.UtcNow), 1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_form_works_without_javascript()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _app.BaseAddress.ToString(), JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/app/request");

        await page.GetByLabel("Nome completo").FillAsync("Rui Souza");
        await page.GetByLabel("E-mail institucional").FillAsync("rui@ifsp.edu.br");
        await page.GetByLabel("Assunto").FillAsync("Impressora");
        await page.GetByLabel("Descrição").FillAsync("A impressora do bloco B não imprime.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enviar solicitação" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("protocolo")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*\d{11}\s*$"));
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_opens_one_ticket()
    {
        using var form = new FormPost(_app.BaseAddress);
        var html = await form.Client.GetStringAsync(new Uri("/api/app/request", UriKind.Relative), TestContext.Current.CancellationToken);
        var fields = new Dictionary<string, string>
        {
            ["Name"] = "Ana Lima",
            ["Email"] = "ana@ifrs.edu.br",
            ["Subject"] = "Duplo clique",
            ["Description"] = "Cliquei duas vezes.",
            ["SubmissionId"] = FormPost.Hidden(html, "SubmissionId"),
            ["__RequestVerificationToken"] = FormPost.Hidden(html, "__RequestVerificationToken"),
        };

        using var first = await form.PostAsync("/api/app/request", fields);
        using var second = await form.PostAsync("/api/app/request", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var protocol = first.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.EndsWith("0000001", protocol, StringComparison.Ordinal);
        Assert.Null(await _app.Service<ITicketStore>().FindByProtocolAsync(ProtocolNumber.Create(int.Parse(protocol[..4], System.Globalization.CultureInfo.InvariantCulture), 2), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_post_without_a_valid_antiforgery_token_opens_nothing_and_keeps_what_was_typed()
    {
        using var form = new FormPost(_app.BaseAddress);
        using var response = await form.PostAsync("/api/app/request", new Dictionary<string, string>
        {
            ["Name"] = "Ana Lima",
            ["Email"] = "ana@ifrs.edu.br",
            ["Subject"] = "Forjado",
            ["Description"] = "Sem token.",
            ["__RequestVerificationToken"] = "forged",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("O formulário expirou", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Forjado\"", html, StringComparison.Ordinal);
        Assert.Null(await _app.Service<ITicketStore>().FindByProtocolAsync(ProtocolNumber.Create(Helpdesk.Domain.Contracts.DefaultContract.Definition.Clock.ProtocolYear(DateTimeOffset.UtcNow), 1), TestContext.Current.CancellationToken));
    }
}
